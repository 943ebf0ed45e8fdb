package org.nrmreferrals.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every request to the API counts against its caller's allowance ({@link RateLimits#request}),
 * reads included, before the endpoint does any work: 429 with Retry-After once it is spent. A
 * request without a token is refused by the authorisation checks before it gets here.
 */
@ApplicationScoped
class RequestLimits {
  private final RateLimits limits;
  private final Caller caller;

  RequestLimits(RateLimits limits, Caller caller) {
    this.limits = limits;
    this.caller = caller;
  }

  @ServerRequestFilter(priority = Priorities.AUTHORIZATION) // before the agency and authority gates
  void limit() {
    if (!caller.isAnonymous()) {
      limits.request(caller.role(), caller.subject());
    }
  }
}
