package org.nrmreferrals.referral.casework;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Chain;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Releases;
import org.nrmreferrals.support.SecondInstance;
import org.nrmreferrals.support.TestClock;
import org.nrmreferrals.support.Tokens;

/** Erasure by destroying a referral's data key, and the legal hold that blocks it. */
@QuarkusTest
@TestProfile(SecondInstance.class) // statistics compared exactly: that instance does not round
class ErasureTest {
  private static final String REASON = "UK GDPR Art. 17 request, case DP-118";

  @Inject EntityManager em;

  @Test
  void erasureDestroysTheDataKeyAndKeepsCodedFactsStatisticsAndTheChain() {
    String agency = Agencies.police();
    Map<String, Object> body = Referrals.anAdultReferral();
    String key = "erasure-" + UUID.randomUUID();
    String id =
        Api.as(Tokens.partner(agency))
            .header("Idempotency-Key", key)
            .body(body)
            .post("/api/v1/referrals")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String statisticsBefore = statistics();

    erase(id)
        .statusCode(200)
        .body("personalDataErasedAt", notNullValue())
        .body("potentialVictim.givenName", nullValue())
        .body("potentialVictim.familyName", nullValue())
        .body("potentialVictim.aliases", equalTo(List.of()))
        .body("potentialVictim.dateOfBirth", nullValue())
        .body("account", nullValue())
        // Coded facts stay.
        .body("potentialVictim.nationalities", equalTo(List.of("AL")))
        .body("potentialVictim.gender", equalTo("FEMALE"))
        .body("exploitation.types", equalTo(List.of("SEXUAL", "LABOUR")));

    assertEquals(0L, count("select count(*) from referral_data_key where referral_id = ?1", id));
    assertEquals(
        0L, count("select count(*) from referral_personal_data where referral_id = ?1", id));
    Api.as(Tokens.partner(agency))
        .get("/api/v1/referrals/" + id)
        .then()
        .statusCode(200)
        .body("potentialVictim.givenName", nullValue())
        .body("personalDataErasedAt", notNullValue());
    Api.as(Tokens.admin())
        .get("/api/v1/referrals/" + id + "/history")
        .then()
        .statusCode(200)
        .body("events.action", org.hamcrest.Matchers.hasItem("referral.personal_data_erased"));
    Chain.verifies();
    assertEquals(statisticsBefore, statistics());
    // A replay of the submission still answers, without the erased data.
    Api.as(Tokens.partner(agency))
        .header("Idempotency-Key", key)
        .body(body)
        .post("/api/v1/referrals")
        .then()
        .statusCode(201)
        .body("id", equalTo(id))
        .body("potentialVictim.givenName", nullValue())
        .body("personalDataErasedAt", notNullValue());

    // Erasing twice is a conflict, and changes nothing.
    erase(id).statusCode(409).body("detail", containsString("erased already"));
  }

  @Test
  void erasureMakesTheReasonsAndTheExternalReferenceUnreadable() {
    String id = Referrals.submit(Agencies.police(), Referrals.anAdultReferral());
    hold(id, true).statusCode(200);
    hold(id, false).statusCode(200);
    Api.as(Tokens.admin())
        .get("/api/v1/referrals/" + id + "/history")
        .then()
        .body("events.reason", hasItem(REASON));

    erase(id).statusCode(200).body("externalReference", nullValue());

    Api.as(Tokens.admin())
        .get("/api/v1/referrals/" + id + "/history")
        .then()
        .statusCode(200)
        .body("events.action", hasItem("referral.legal_hold_set"))
        .body("events.reason", everyItem(nullValue()));
  }

  @Test
  void aLegalHoldBlocksErasureUntilReleased() {
    String id = Referrals.submit(Agencies.police(), Referrals.anAdultReferral());
    hold(id, true).statusCode(200).body("legalHold", equalTo(true));
    hold(id, true).statusCode(409);
    erase(id).statusCode(409).body("detail", containsString("legal hold"));
    assertEquals(1L, count("select count(*) from referral_data_key where referral_id = ?1", id));
    hold(id, false).statusCode(200).body("legalHold", equalTo(false));
    erase(id).statusCode(200);
  }

  @Test
  void onlyAdminsEraseOrHold() {
    String agency = Agencies.police();
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    for (String token : List.of(Tokens.partner(agency), Tokens.caseworker(), Tokens.analyst())) {
      Api.as(token)
          .header("If-Match", etag(id))
          .body(Map.of("reason", REASON))
          .post("/api/v1/referrals/" + id + "/erasure")
          .then()
          .statusCode(403);
      Api.as(token)
          .header("If-Match", etag(id))
          .body(Map.of("hold", true, "reason", REASON))
          .put("/api/v1/referrals/" + id + "/legal-hold")
          .then()
          .statusCode(403);
    }
    Api.anonymous()
        .body(Map.of("reason", REASON))
        .post("/api/v1/referrals/" + id + "/erasure")
        .then()
        .statusCode(401);
    // Partners do not see the hold at all.
    Api.as(Tokens.partner(agency))
        .get("/api/v1/referrals/" + id)
        .then()
        .statusCode(200)
        .body("legalHold", nullValue());
    // A reason is required.
    Api.as(Tokens.admin())
        .header("If-Match", etag(id))
        .body(Map.of("reason", " "))
        .post("/api/v1/referrals/" + id + "/erasure")
        .then()
        .statusCode(422);
    assertEquals(1L, count("select count(*) from referral_data_key where referral_id = ?1", id));
  }

  private static io.restassured.response.ValidatableResponse erase(String id) {
    return Api.as(Tokens.admin())
        .header("If-Match", etag(id))
        .body(Map.of("reason", REASON))
        .post("/api/v1/referrals/" + id + "/erasure")
        .then();
  }

  private static io.restassured.response.ValidatableResponse hold(String id, boolean hold) {
    return Api.as(Tokens.admin())
        .header("If-Match", etag(id))
        .body(Map.of("hold", hold, "reason", REASON))
        .put("/api/v1/referrals/" + id + "/legal-hold")
        .then();
  }

  private static String etag(String id) {
    return Api.as(Tokens.admin()).get("/api/v1/referrals/" + id).then().extract().header("ETag");
  }

  /**
   * The referrals by nationality and gender of a release cut 40 days on, which covers this month
   * (where the test's referral is).
   */
  private static String statistics() {
    TestClock.advance(Duration.ofDays(40));
    try {
      return Api.as(Tokens.analyst())
          .get("/api/v1/statistics/referrals?groupBy=nationality,gender&release=" + Releases.cut())
          .then()
          .statusCode(200)
          .extract()
          .jsonPath()
          .getString("rows");
    } finally {
      TestClock.advance(Duration.ofDays(-40));
    }
  }

  private long count(String sql, String id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(sql)
                            .setParameter(1, UUID.fromString(id))
                            .getSingleResult())
                    .longValue());
  }
}
