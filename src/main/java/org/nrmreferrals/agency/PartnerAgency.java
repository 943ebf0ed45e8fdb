package org.nrmreferrals.agency;

import jakarta.enterprise.context.RequestScoped;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.web.ProblemException;

/** The registered, active agency a partner token acts for, resolved once per request. */
@RequestScoped
public class PartnerAgency {
  private final Caller caller;
  private Agency agency;

  PartnerAgency(Caller caller) {
    this.caller = caller;
  }

  /** The caller's agency; 403 when the token names none, an unknown one or a deactivated one. */
  public Agency current() {
    if (agency == null) {
      String code = caller.agencyCode();
      Agency found = code == null ? null : Agency.findById(code);
      if (found == null || !found.isActive()) {
        throw ProblemException.forbidden(
            "The token's agency is not a registered, active first responder organisation.");
      }
      agency = found;
    }
    return agency;
  }
}
