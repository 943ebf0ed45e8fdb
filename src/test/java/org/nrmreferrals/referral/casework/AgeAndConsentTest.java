package org.nrmreferrals.referral.casework;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.TestClock;
import org.nrmreferrals.support.Tokens;

/**
 * Consent and withdrawal turn on the person's age now: an adult exploited as a child consents and
 * may withdraw; a person who may be a child is presumed one until an age assessment.
 */
@QuarkusTest
class AgeAndConsentTest {
  private String agency;
  private String partner;
  private final String caseworker = Tokens.caseworker();

  @BeforeEach
  void registerAnAgency() {
    agency = Agencies.police();
    partner = Tokens.partner(agency);
  }

  @Test
  void letsAnAdultExploitedAsAChildWithdraw() {
    Map<String, Object> body = Referrals.anAdultReferral();
    body.put("ageAtExploitation", "CHILD");
    String id = Referrals.submit(agency, body);
    read(partner, id)
        .body("ageAtExploitation", equalTo("CHILD"))
        .body("ageGroupAtReferral", equalTo("ADULT"))
        .body("treatedAsChild", equalTo(false));
    withdraw(id).statusCode(200).body("status", equalTo("WITHDRAWN"));
  }

  @Test
  void letsAChildWhoHasTurnedEighteenWithdraw() {
    Map<String, Object> body = Referrals.aChildReferral();
    LocalDate today = LocalDate.ofInstant(TestClock.now(), ZoneId.of("Europe/London"));
    Referrals.person(body).put("dateOfBirth", today.minusYears(18).plusDays(3).toString());
    String id = Referrals.submit(agency, body);
    read(partner, id).body("treatedAsChild", equalTo(true)).body("consentNeeded", equalTo(false));
    withdraw(id).statusCode(422).body("violations.field", contains("to"));
    TestClock.advance(java.time.Duration.ofDays(4));
    read(partner, id).body("treatedAsChild", equalTo(false));
    withdraw(id).statusCode(200);
  }

  @Test
  void presumesAPersonWhoMayBeAChildAChildUntilAssessedThenNeedsTheAdultsConsent() {
    Map<String, Object> body = Referrals.anAdultReferral();
    body.remove("consent");
    body.put("ageGroupAtReferral", "UNKNOWN_POSSIBLY_CHILD");
    Referrals.person(body).remove("dateOfBirth");
    String id = Referrals.submit(agency, body);
    read(partner, id).body("treatedAsChild", equalTo(true)).body("consentNeeded", equalTo(false));
    withdraw(id).statusCode(422);

    Api.as(partner)
        .header("If-Match", Referrals.etag(partner, id))
        .body(Map.of("ageGroup", "ADULT", "reason", "Merton-compliant assessment"))
        .post("/api/v1/referrals/" + id + "/age-assessment")
        .then()
        .statusCode(403);
    assess(id, Map.of("ageGroup", "UNKNOWN_POSSIBLY_CHILD", "reason", "x"))
        .statusCode(422)
        .body("violations.field", contains("ageGroup"));
    assess(id, Map.of("ageGroup", "ADULT"))
        .statusCode(422)
        .body("violations.field", contains("reason"));
    assess(id, Map.of("ageGroup", "ADULT", "reason", "Merton-compliant assessment"))
        .statusCode(200)
        .body("ageAssessment.ageGroup", equalTo("ADULT"))
        .body("treatedAsChild", equalTo(false))
        .body("consentNeeded", equalTo(true));
    Api.as(partner)
        .get("/api/v1/referrals?consentNeeded=true")
        .then()
        .body("items.id", contains(id));
    decide(id).statusCode(409).body("detail", org.hamcrest.Matchers.containsString("consent"));

    consent(Map.of("referral", false))
        .apply(id)
        .statusCode(422)
        .body("violations.field", contains("referral"));
    consent(Map.of("referral", true, "support", true))
        .apply(id)
        .statusCode(200)
        .body("consentNeeded", equalTo(false))
        .body("consent.referral", equalTo(true));
    Api.as(partner)
        .get("/api/v1/referrals?consentNeeded=true")
        .then()
        .body("items.id", not(hasItem(id)));
    decide(id).statusCode(200);
    Api.as(partner)
        .get("/api/v1/referrals/" + id + "/history")
        .then()
        .body("events.action", hasItems("referral.age_assessed", "referral.consent_recorded"));
  }

  @Test
  void letsOnlyTheReferringAgencyRecordConsent() {
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    String other = Tokens.partner(Agencies.police());
    Api.as(other)
        .header("If-Match", "\"0\"")
        .body(Map.of("referral", true))
        .put("/api/v1/referrals/" + id + "/consent")
        .then()
        .statusCode(404);
    Api.as(caseworker)
        .header("If-Match", "\"0\"")
        .body(Map.of("referral", true))
        .put("/api/v1/referrals/" + id + "/consent")
        .then()
        .statusCode(403);
  }

  private java.util.function.Function<String, ValidatableResponse> consent(Map<String, ?> body) {
    return id ->
        Api.as(partner)
            .header("If-Match", Referrals.etag(partner, id))
            .body(body)
            .put("/api/v1/referrals/" + id + "/consent")
            .then();
  }

  private ValidatableResponse assess(String id, Map<String, ?> body) {
    return Api.as(caseworker)
        .header("If-Match", Referrals.etag(caseworker, id))
        .body(body)
        .post("/api/v1/referrals/" + id + "/age-assessment")
        .then();
  }

  private ValidatableResponse decide(String id) {
    return Api.as(caseworker)
        .header("If-Match", Referrals.etag(caseworker, id))
        .body(Map.of("to", "RG_POSITIVE"))
        .post("/api/v1/referrals/" + id + "/transitions")
        .then();
  }

  private ValidatableResponse withdraw(String id) {
    return Api.as(partner)
        .header("If-Match", Referrals.etag(partner, id))
        .body(Map.of("to", "WITHDRAWN", "reason", "The person asked to withdraw"))
        .post("/api/v1/referrals/" + id + "/transitions")
        .then();
  }

  private static ValidatableResponse read(String token, String id) {
    return Api.as(token).get("/api/v1/referrals/" + id).then().statusCode(200);
  }
}
