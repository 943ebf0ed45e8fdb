package org.nrmreferrals.authority;

import jakarta.enterprise.context.RequestScoped;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.web.ProblemException;

/** The registered, active competent authority a caseworker token acts for, once per request. */
@RequestScoped
public class CaseworkerAuthority {
  private final Caller caller;
  private CompetentAuthority authority;

  CaseworkerAuthority(Caller caller) {
    this.caller = caller;
  }

  /** The caller's authority; 403 when the token names none, an unknown or an inactive one. */
  public CompetentAuthority current() {
    if (authority == null) {
      String code = caller.agencyCode();
      CompetentAuthority found = code == null ? null : CompetentAuthority.findById(code);
      if (found == null || !found.isActive()) {
        throw ProblemException.forbidden(
            "The token's agency is not a registered, active competent authority; a caseworker"
                + " token names the authority it decides for (for example SCA or IECA).");
      }
      authority = found;
    }
    return authority;
  }
}
