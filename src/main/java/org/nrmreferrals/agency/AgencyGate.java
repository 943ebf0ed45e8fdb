package org.nrmreferrals.agency;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.nrmreferrals.security.Caller;

/** Refuses every request from a partner token whose agency is unknown or deactivated. */
class AgencyGate {
  private final Caller caller;
  private final PartnerAgency partnerAgency;

  AgencyGate(Caller caller, PartnerAgency partnerAgency) {
    this.caller = caller;
    this.partnerAgency = partnerAgency;
  }

  @ServerRequestFilter
  void requireActiveAgency() {
    if (caller.isPartner()) {
      partnerAgency.current();
    }
  }
}
