package org.nrmreferrals.support;

import io.smallrye.jwt.build.Jwt;
import java.util.Set;
import java.util.UUID;

/** Bearer tokens signed with the committed dev key, as the test profile trusts. */
public final class Tokens {
  public static final String ISSUER = "https://nrm-referrals.dev/issuer";

  /** The audience the test profile requires ({@code mp.jwt.verify.audiences}). */
  public static final String AUDIENCE = "nrm-referrals";

  private Tokens() {}

  public static String partner(String agencyCode) {
    return Jwt.issuer(ISSUER)
        .audience(AUDIENCE)
        .subject("officer-" + UUID.randomUUID())
        .groups(Set.of("partner"))
        .claim("agency", agencyCode)
        .sign();
  }

  /** A caseworker of the Single Competent Authority, a new person each call. */
  public static String caseworker() {
    return caseworker("caseworker-" + UUID.randomUUID());
  }

  public static String caseworker(String subject) {
    return caseworker(subject, "SCA");
  }

  /** A caseworker of this competent authority, a new person each call. */
  public static String caseworkerOf(String authority) {
    return caseworker("caseworker-" + UUID.randomUUID(), authority);
  }

  public static String caseworker(String subject, String authority) {
    return Jwt.issuer(ISSUER)
        .audience(AUDIENCE)
        .subject(subject)
        .groups(Set.of("caseworker"))
        .claim("agency", authority)
        .sign();
  }

  public static String analyst() {
    return role("analyst", "analyst-1");
  }

  public static String admin() {
    return role("admin", "admin-1");
  }

  public static String role(String role, String subject) {
    return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).groups(Set.of(role)).sign();
  }

  /** A well-formed token from an issuer the service does not trust. */
  public static String fromWrongIssuer() {
    return Jwt.issuer("https://elsewhere.example")
        .audience(AUDIENCE)
        .subject("x")
        .groups(Set.of("admin"))
        .sign();
  }

  /** An admin token from the right issuer, for another service (another audience). */
  public static String forAnotherAudience() {
    return Jwt.issuer(ISSUER)
        .audience("another-service")
        .subject("x")
        .groups(Set.of("admin"))
        .sign();
  }

  /** An admin token from the right issuer that names no audience. */
  public static String withoutAudience() {
    return Jwt.issuer(ISSUER).subject("x").groups(Set.of("admin")).sign();
  }
}
