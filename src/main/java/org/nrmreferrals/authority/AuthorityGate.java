package org.nrmreferrals.authority;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.nrmreferrals.security.Caller;

/** Refuses every request from a caseworker token whose authority is unknown or inactive. */
class AuthorityGate {
  private final Caller caller;
  private final CaseworkerAuthority authority;

  AuthorityGate(Caller caller, CaseworkerAuthority authority) {
    this.caller = caller;
    this.authority = authority;
  }

  @ServerRequestFilter
  void requireActiveAuthority() {
    if (caller.isCaseworker()) {
      authority.current();
    }
  }
}
