package org.nrmreferrals.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * A token without an agency is limited to no agency, wherever a query limits a caller to its own:
 * not "no limit". The gates refuse such tokens before any query; this is what holds without them.
 */
class CallerTest {
  private static Caller caller(String role, String agency) {
    JwtClaims claims = new JwtClaims();
    claims.setSubject("someone");
    if (agency != null) {
      claims.setClaim(Caller.AGENCY_CLAIM, agency);
    }
    DefaultJWTCallerPrincipal token = new DefaultJWTCallerPrincipal(claims);
    return new Caller(
        QuarkusSecurityIdentity.builder().setPrincipal(token).addRole(role).build(), token);
  }

  @Test
  void aPartnerWithoutAnAgencyIsLimitedToNone() {
    Caller partner = caller(Roles.PARTNER, null);
    assertEquals(Caller.NO_AGENCY, partner.ownAgency());
    assertEquals(Caller.NO_AGENCY, partner.agencyScope());
  }

  @Test
  void aPartnerIsLimitedToItsAgency() {
    Caller partner = caller(Roles.PARTNER, "POLICE_METROPOLITAN");
    assertEquals("POLICE_METROPOLITAN", partner.ownAgency());
    assertEquals("POLICE_METROPOLITAN", partner.agencyScope());
  }

  @Test
  void aCaseworkerWithoutAnAuthorityOwnsNone() {
    assertEquals(Caller.NO_AGENCY, caller(Roles.CASEWORKER, null).ownAgency());
  }

  @Test
  void adminsAndCaseworkersSeeEveryAgency() {
    assertNull(caller(Roles.ADMIN, null).agencyScope());
    assertNull(caller(Roles.CASEWORKER, "SCA").agencyScope());
  }

  @Test
  void analystsAreLimitedToNoAgency() {
    assertEquals(Caller.NO_AGENCY, caller(Roles.ANALYST, null).agencyScope());
  }
}
