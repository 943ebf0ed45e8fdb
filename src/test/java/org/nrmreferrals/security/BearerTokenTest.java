package org.nrmreferrals.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Tokens;

/**
 * Tokens the service must refuse although they look right: expired, signed with another key,
 * altered after signing, unsigned. Each gets the same 401 problem as no token, and a refused
 * submission stores nothing.
 */
@QuarkusTest
class BearerTokenTest {
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

  /** A partner token issued and expiring so many seconds from now (negative: in the past). */
  private static String issued(String agency, long issuedIn, long expiresIn) {
    Instant now = Instant.now();
    return Jwt.issuer(Tokens.ISSUER)
        .audience(Tokens.AUDIENCE)
        .subject("officer-" + agency)
        .groups(Set.of("partner"))
        .claim("agency", agency)
        .issuedAt(now.plusSeconds(issuedIn))
        .expiresAt(now.plusSeconds(expiresIn))
        .sign();
  }

  /** Expired an hour ago: beyond any clock skew the verifier allows. */
  private static String expired(String agency) {
    return issued(agency, -7200, -3600);
  }

  /** Right issuer and claims, signed with a key the service has never seen. */
  private static String signedWithAnotherKey(String agency) throws NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return Jwt.issuer(Tokens.ISSUER)
        .audience(Tokens.AUDIENCE)
        .subject("officer-forged")
        .groups(Set.of("partner"))
        .claim("agency", agency)
        .sign(generator.generateKeyPair().getPrivate());
  }

  /** A genuine partner token whose payload was edited to claim the admin role. */
  private static String alteredAfterSigning(String agency) {
    return claimingAdmin(Tokens.partner(agency));
  }

  /** The token with its payload edited to claim the admin role, its signature kept. */
  private static String claimingAdmin(String token) {
    String[] parts = token.split("\\.");
    String payload = new String(URL_DECODER.decode(parts[1]), StandardCharsets.UTF_8);
    String forged = payload.replace("\"partner\"", "\"admin\"");
    if (forged.equals(payload)) {
      throw new IllegalStateException("the token's groups claim was not found: " + payload);
    }
    return parts[0]
        + "."
        + URL.encodeToString(forged.getBytes(StandardCharsets.UTF_8))
        + "."
        + parts[2];
  }

  /** The same claims with {@code alg: none} and no signature. */
  private static String unsigned(String agency) {
    String header =
        URL.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String[] parts = Tokens.partner(agency).split("\\.");
    return header + "." + parts[1] + ".";
  }

  private static void refused(Response response) {
    response
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer")
        .body("type", equalTo("/problems/unauthenticated"))
        .body(not(containsString("Exception")));
  }

  private static int referralsOf(String agency) {
    return Api.as(Tokens.partner(agency))
        .queryParam("limit", 100)
        .get("/api/v1/referrals")
        .then()
        .statusCode(200)
        .extract()
        .path("items.size()");
  }

  @Test
  void theSameClaimsSignedWithTheServicesKeyAreAccepted() {
    // The control for the refusals below: only the defect differs.
    String agency = Agencies.police();
    Api.as(Tokens.partner(agency)).get("/api/v1/referrals").then().statusCode(200);
  }

  /** Unexpired, but issued longer ago than the test profile's maximum token age (12 hours). */
  private static String issuedTooLongAgo(String agency) {
    return issued(agency, -13 * 3600, 3600);
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() {
    refused(Api.as(Tokens.forAnotherAudience()).get("/api/v1/agencies"));
    Api.as(Tokens.admin()).get("/api/v1/agencies").then().statusCode(200); // the control
  }

  @Test
  void aTokenWithoutAnAudienceIsRefused() {
    refused(Api.as(Tokens.withoutAudience()).get("/api/v1/agencies"));
  }

  @Test
  void aTokenIssuedLongerAgoThanTheMaximumAgeIsRefused() {
    String agency = Agencies.police();
    refused(Api.as(issuedTooLongAgo(agency)).get("/api/v1/referrals"));
  }

  @Test
  void anExpiredTokenIsRefused() {
    String agency = Agencies.police();
    refused(Api.as(expired(agency)).get("/api/v1/referrals"));
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() throws NoSuchAlgorithmException {
    String agency = Agencies.police();
    refused(Api.as(signedWithAnotherKey(agency)).get("/api/v1/referrals"));
  }

  @Test
  void aTokenAlteredAfterSigningIsRefused() {
    refused(Api.as(alteredAfterSigning(Agencies.police())).get("/api/v1/agencies"));
  }

  @Test
  void aTokenInUseIsKeptOnlyAsSignedNotAsAltered() {
    // Verified tokens are kept for a few seconds (VerifiedTokens), by their whole text: a token
    // the service has just accepted gives no credit to a copy altered in its claims or signature.
    String agency = Agencies.police();
    String token = Tokens.partner(agency);
    Api.as(token).get("/api/v1/referrals").then().statusCode(200);
    String[] parts = token.split("\\.");
    byte[] signature = URL_DECODER.decode(parts[2]);
    signature[signature.length - 1] ^= 1;
    refused(
        Api.as(parts[0] + "." + parts[1] + "." + URL.encodeToString(signature))
            .get("/api/v1/referrals"));
    refused(Api.as(claimingAdmin(token)).get("/api/v1/agencies"));
    refused(Api.as(parts[0] + "." + parts[1] + ".").get("/api/v1/referrals"));
    Api.as(token).get("/api/v1/referrals").then().statusCode(200);
  }

  @Test
  void anUnsignedTokenIsRefused() {
    refused(Api.as(unsigned(Agencies.police())).get("/api/v1/referrals"));
  }

  @Test
  void aSubmissionWithABadTokenStoresNothing() throws NoSuchAlgorithmException {
    String agency = Agencies.police();
    Referrals.submit(agency, Referrals.anAdultReferral());
    for (String token :
        new String[] {expired(agency), signedWithAnotherKey(agency), unsigned(agency)}) {
      refused(
          Api.as(token)
              .header("Idempotency-Key", "bad-token-" + UUID.randomUUID())
              .body(Referrals.anAdultReferral())
              .post("/api/v1/referrals"));
    }
    assertEquals(1, referralsOf(agency));
  }
}
