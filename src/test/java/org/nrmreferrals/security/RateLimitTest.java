package org.nrmreferrals.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Tokens;

@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitTest {

  /** Limits small enough to reach in a test (the test profile otherwise turns them off). */
  public static class SmallLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "nrm.rate-limit.intake-per-minute", "3", "nrm.rate-limit.statistics-per-minute", "2");
    }
  }

  @Test
  void anAgencyOverItsIntakeAllowanceGets429WithRetryAfterAndNothingIsStored() {
    String agency = Agencies.police();
    for (int i = 0; i < 3; i++) {
      Referrals.submit(agency, Referrals.anAdultReferral());
    }

    Response refused =
        Api.as(Tokens.partner(agency))
            .header("Idempotency-Key", "over-the-limit-1")
            .body(Referrals.anAdultReferral())
            .post("/api/v1/referrals");

    refused
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/too-many-requests"))
        .body("status", equalTo(429));
    long retryAfter = Long.parseLong(refused.header("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    Api.as(Tokens.partner(agency))
        .get("/api/v1/referrals")
        .then()
        .statusCode(200)
        .body("items", hasSize(3));
    // Reading is not limited, and another agency has an allowance of its own.
    Referrals.submit(Agencies.ngo(), Referrals.anAdultReferral());
  }

  @Test
  void anAnalystOverTheStatisticsAllowanceGets429WhileAnotherAnalystIsServed() {
    String mine = Tokens.role(Roles.ANALYST, "analyst-rate-limited");
    for (int i = 0; i < 2; i++) {
      statistics(mine).then().statusCode(200);
    }

    Response refused = statistics(mine);

    refused
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/too-many-requests"));
    assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1);
    statistics(Tokens.role(Roles.ANALYST, "another-analyst")).then().statusCode(200);
  }

  private static Response statistics(String token) {
    return Api.as(token)
        .queryParam("from", "2026-01")
        .queryParam("to", "2026-03")
        .queryParam("groupBy", "quarter")
        .get("/api/v1/statistics/referrals");
  }
}
