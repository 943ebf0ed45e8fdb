package org.nrmreferrals.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated caller of this request: the person ({@code sub}), roles and agency code. */
@RequestScoped
public class Caller {
  static final String AGENCY_CLAIM = "agency";

  private final SecurityIdentity identity;
  private final JsonWebToken token;

  Caller(SecurityIdentity identity, JsonWebToken token) {
    this.identity = identity;
    this.token = token;
  }

  /** The acting person, from the token's {@code sub}. */
  public String subject() {
    return token.getSubject();
  }

  public boolean isPartner() {
    return identity.hasRole(Roles.PARTNER);
  }

  /** Caseworkers and admins see every agency's referrals; partners only their own. */
  public boolean seesAllAgencies() {
    return identity.hasRole(Roles.CASEWORKER) || identity.hasRole(Roles.ADMIN);
  }

  /** The {@code agency} claim: the code of the agency a partner token acts for, or null. */
  public String agencyCode() {
    return token.getClaim(AGENCY_CLAIM);
  }
}
