package org.nrmreferrals.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated caller of this request: the person ({@code sub}), roles and agency code. */
@RequestScoped
public class Caller {
  static final String AGENCY_CLAIM = "agency";

  /**
   * A code no agency or competent authority has (theirs match {@code ^[A-Z0-9][A-Z0-9_]{1,39}$}):
   * what a token without an {@code agency} claim is limited to, so that it sees nothing.
   */
  public static final String NO_AGENCY = "";

  private final SecurityIdentity identity;
  private final JsonWebToken token;

  Caller(SecurityIdentity identity, JsonWebToken token) {
    this.identity = identity;
    this.token = token;
  }

  /** The acting person, from the token's {@code sub}. */
  public String subject() {
    String sub = token.getSubject();
    return sub != null ? sub : identity.getPrincipal().getName();
  }

  /** No token: a scheduled job or other work of the service itself. */
  public boolean isAnonymous() {
    return identity.isAnonymous();
  }

  public boolean isPartner() {
    return identity.hasRole(Roles.PARTNER);
  }

  /**
   * Caseworkers and admins see every referring agency's referrals (caseworkers those of their
   * competent authority) and the authority's internal steps; partners only their own agency's.
   */
  public boolean seesAllAgencies() {
    return identity.hasRole(Roles.CASEWORKER) || identity.hasRole(Roles.ADMIN);
  }

  /**
   * The role this caller acts in, for the audit trail: admin, caseworker, partner, statistician or
   * analyst, the first the token holds.
   */
  public String role() {
    for (String role :
        new String[] {
          Roles.ADMIN, Roles.CASEWORKER, Roles.PARTNER, Roles.STATISTICIAN, Roles.ANALYST
        }) {
      if (identity.hasRole(role)) {
        return role;
      }
    }
    return "none";
  }

  public boolean isAdmin() {
    return identity.hasRole(Roles.ADMIN);
  }

  /** A statistician reads a release's exact figures (every such read is audited). */
  public boolean isStatistician() {
    return identity.hasRole(Roles.STATISTICIAN);
  }

  public boolean isCaseworker() {
    return identity.hasRole(Roles.CASEWORKER);
  }

  /**
   * The {@code agency} claim: the agency a partner token acts for, or the competent authority (for
   * example SCA or IECA) of a caseworker; null when absent.
   */
  public String agencyCode() {
    return token.getClaim(AGENCY_CLAIM);
  }

  /**
   * The agency (or competent authority) this caller acts for, never null: {@link #NO_AGENCY} when
   * the token names none. The gates refuse such a token first; every query that limits a caller to
   * its own agency still matches nothing with it.
   */
  public String ownAgency() {
    String code = agencyCode();
    return code == null ? NO_AGENCY : code;
  }

  /**
   * The agency whose data this caller is limited to: null for callers who see every agency ({@link
   * #seesAllAgencies()}), otherwise {@link #ownAgency()}, never null.
   */
  public String agencyScope() {
    return seesAllAgencies() ? null : ownAgency();
  }
}
