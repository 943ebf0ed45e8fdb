package org.nrmreferrals.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Releases;
import org.nrmreferrals.support.SecondInstance;
import org.nrmreferrals.support.Tokens;

@QuarkusTest
@TestProfile(SecondInstance.class)
class RateLimitTest {

  /**
   * The allowance refills greedily (a limit of 20 a minute gives a token back every 3 s), so a
   * caller sending as fast as it can is refused once it has used the allowance and what came back
   * meanwhile: at least the limit is served, and a refusal follows within a few more requests.
   */
  private static final int REFILLED_MEANWHILE = 10;

  @Test
  void anAgencyOverItsIntakeAllowanceGets429WithRetryAfterAndNothingIsStored() {
    String agency = Agencies.police();
    int served = 0;
    Response refused = null;
    for (int i = 0; i < SecondInstance.INTAKE_PER_MINUTE + REFILLED_MEANWHILE; i++) {
      Response answer =
          Api.as(Tokens.partner(agency))
              .header("Idempotency-Key", "over-the-limit-" + i)
              .body(Referrals.anAdultReferral())
              .post("/api/v1/referrals");
      if (answer.statusCode() != 201) {
        refused = answer;
        break;
      }
      served++;
    }

    assertNotNull(refused, "never refused after " + served + " submissions");
    assertTrue(served >= SecondInstance.INTAKE_PER_MINUTE, "refused after only " + served);
    refused
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/too-many-requests"))
        .body("status", equalTo(429));
    long retryAfter = Long.parseLong(refused.header("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    // The refused one is not stored; reading is not limited.
    Api.as(Tokens.partner(agency))
        .get("/api/v1/referrals?limit=200")
        .then()
        .statusCode(200)
        .body("items", hasSize(served));
    // Another agency has an allowance of its own.
    Referrals.submit(Agencies.ngo(), Referrals.anAdultReferral());
  }

  @Test
  void anAnalystOverTheStatisticsAllowanceGets429WhileAnotherAnalystIsServed() {
    Releases.cut();
    String mine = Tokens.role(Roles.ANALYST, "analyst-rate-limited");
    int served = 0;
    Response refused = null;
    for (int i = 0; i < SecondInstance.STATISTICS_PER_MINUTE + REFILLED_MEANWHILE; i++) {
      Response answer = statistics(mine);
      if (answer.statusCode() != 200) {
        refused = answer;
        break;
      }
      served++;
    }

    assertNotNull(refused, "never refused after " + served + " requests");
    assertTrue(served >= SecondInstance.STATISTICS_PER_MINUTE, "refused after only " + served);
    refused
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/too-many-requests"));
    assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1);
    statistics(Tokens.role(Roles.ANALYST, "another-analyst")).then().statusCode(200);
  }

  /**
   * Every request counts, reads included: a caseworker reading its queues as fast as it can is
   * refused once its role's allowance is spent; another caseworker is served meanwhile.
   */
  @Test
  void aCaseworkerOverItsRequestAllowanceGets429ForReadsTooWhileAnotherIsServed() {
    String mine = Tokens.caseworker("caseworker-rate-limited-" + java.util.UUID.randomUUID());
    int limit = SecondInstance.CASEWORKER_REQUESTS_PER_MINUTE;
    int served = 0;
    Response refused = null;
    for (int i = 0; i < limit + REFILLED_MEANWHILE; i++) {
      Response answer = Api.as(mine).get("/api/v1/queues");
      if (answer.statusCode() != 200) {
        refused = answer;
        break;
      }
      served++;
    }

    assertNotNull(refused, "never refused after " + served + " reads");
    assertTrue(served >= limit, "refused after only " + served);
    refused
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/too-many-requests"))
        .body("detail", org.hamcrest.Matchers.containsString(limit + " requests by you"));
    long retryAfter = Long.parseLong(refused.header("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    Api.as(Tokens.caseworker()).get("/api/v1/queues").then().statusCode(200);
  }

  private static Response statistics(String token) {
    return Api.as(token)
        .queryParam("from", "2026-01")
        .queryParam("to", "2026-03")
        .queryParam("groupBy", "quarter")
        .get("/api/v1/statistics/referrals");
  }
}
