package org.nrmreferrals.referral.casework;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.TestClock;
import org.nrmreferrals.support.Tokens;

/**
 * Facts of a case beside its status after the first decision: disqualification, support with its
 * dates and end, emergency support, temporary leave, further RGs and ICTG referrals.
 */
@QuarkusTest
class AfterTheDecisionTest {
  private String agency;
  private String partner;
  private final String caseworker = Tokens.caseworker();
  private final String second = Tokens.caseworker();

  @BeforeEach
  void registerAnAgency() {
    agency = Agencies.police();
    partner = Tokens.partner(agency);
  }

  @Test
  void disqualifiesOnlyWithASecondCaseworkerAndThenEndsSupport() {
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    act(caseworker, id, "/disqualification", Map.of("grounds", "PUBLIC_ORDER", "reason", "x"))
        .statusCode(409);
    move(id, Map.of("to", "RG_POSITIVE"));
    act(caseworker, id, "/disqualification", Map.of("grounds", "BAD_FAITH"))
        .statusCode(422)
        .body("violations.field", contains("reason"));
    String held =
        act(
                caseworker,
                id,
                "/disqualification",
                Map.of("grounds", "PUBLIC_ORDER", "reason", "Sentenced"))
            .statusCode(202)
            .body("disqualification.inEffect", equalTo(false))
            .body("support.endedBecause", nullValue())
            .extract()
            .header("ETag");
    // The answer's ETag is the case's new version: the next If-Match can use it as it is.
    org.junit.jupiter.api.Assertions.assertEquals(Referrals.etag(caseworker, id), held);
    read(partner, id).body("disqualification", nullValue());
    act(caseworker, id, "/disqualification/confirmation", null)
        .statusCode(422)
        .body("type", equalTo("/problems/second-caseworker-required"));
    act(second, id, "/disqualification/confirmation", null)
        .statusCode(200)
        .body("disqualification.inEffect", equalTo(true))
        .body("support.endedBecause", equalTo("DISQUALIFIED"))
        .body("support.endedOn", equalTo(today().toString()));
    read(partner, id)
        .body("disqualification.grounds", equalTo("PUBLIC_ORDER"))
        .body("support.endedBecause", equalTo("DISQUALIFIED"));
    act(caseworker, id, "/disqualification", Map.of("grounds", "BAD_FAITH", "reason", "Again"))
        .statusCode(409);
    Api.as(partner)
        .get("/api/v1/referrals/" + id + "/history")
        .then()
        .body("events.action", org.hamcrest.Matchers.hasItem("referral.disqualified"))
        .body(
            "events.action",
            org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem("referral.disqualification_requested")));
  }

  @Test
  void setsADisqualificationAsideOnAnAcceptedReconsideration() {
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    move(id, Map.of("to", "RG_POSITIVE"));
    act(caseworker, id, "/disqualification", Map.of("grounds", "BAD_FAITH", "reason", "Claim"))
        .statusCode(202);
    act(second, id, "/disqualification/confirmation", null).statusCode(200);
    String request = Referrals.requestReconsideration(partner, id);
    Api.as(partner)
        .get("/api/v1/referrals/" + id + "/reconsideration-requests/" + request)
        .then()
        .body("decision", equalTo("DISQUALIFICATION"));
    Referrals.decideReconsideration(caseworker, id, request, "ACCEPTED")
        .statusCode(200)
        .body("status", equalTo("RG_POSITIVE"))
        .body("disqualification.inEffect", equalTo(false))
        .body("disqualification.setAsideAt", notNullValue())
        .body("support.endedBecause", nullValue());
  }

  @Test
  void endsMoveOnSupportFortyFiveDaysAfterAPositiveCg() {
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    move(id, Map.of("to", "RG_POSITIVE"));
    read(partner, id)
        .body("support.fromPositiveRg", equalTo(today().toString()))
        .body("support.supportPeriodEndsOn", equalTo(today().plusDays(30).toString()));
    TestClock.advance(Duration.ofDays(30));
    move(id, Map.of("to", "CG_POSITIVE", "findings", List.of("HUMAN_TRAFFICKING")));
    String moveOnEnds = today().plusDays(45).toString();
    read(partner, id)
        .body("support.moveOnEndsOn", equalTo(moveOnEnds))
        .body("support.endedBecause", nullValue());
    TestClock.advance(Duration.ofDays(46));
    read(partner, id)
        .body("support.endedBecause", equalTo("MOVE_ON_FINISHED"))
        .body("support.endedOn", equalTo(moveOnEnds));
  }

  @Test
  void endsSupportOnWithdrawalAndRecordsEmergencySupportBeforeTheRg() {
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    act(caseworker, id, "/emergency-support", Map.of("reason", "Destitute, sleeping rough"))
        .statusCode(200)
        .body("support.consented", equalTo(true))
        .body("support.emergencyFrom", equalTo(today().toString()));
    act(caseworker, id, "/emergency-support", Map.of("reason", "Again")).statusCode(409);
    Api.as(partner)
        .header("If-Match", Referrals.etag(partner, id))
        .body(Map.of("to", "WITHDRAWN", "reason", "The person asked to withdraw"))
        .post("/api/v1/referrals/" + id + "/transitions")
        .then()
        .statusCode(200)
        .body("support.endedBecause", equalTo("WITHDRAWN"));
  }

  @Test
  void neverGrantsTemporaryLeaveToADisqualifiedPerson() {
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    move(id, Map.of("to", "RG_POSITIVE"));
    act(caseworker, id, "/temporary-leave", Map.of("outcome", "GRANTED", "reason", "x"), true)
        .statusCode(409);
    TestClock.advance(Duration.ofDays(30));
    move(id, Map.of("to", "CG_POSITIVE", "findings", List.of("HUMAN_TRAFFICKING")));
    act(caseworker, id, "/disqualification", Map.of("grounds", "PUBLIC_ORDER", "reason", "x"))
        .statusCode(202);
    act(second, id, "/disqualification/confirmation", null).statusCode(200);
    act(caseworker, id, "/temporary-leave", Map.of("outcome", "GRANTED", "reason", "x"), true)
        .statusCode(422)
        .body("violations.field", contains("outcome"));
    act(caseworker, id, "/temporary-leave", Map.of("outcome", "REFUSED", "reason", "s.65"), true)
        .statusCode(200)
        .body("temporaryLeave", equalTo("REFUSED"));
  }

  @Test
  void letsTheCaseworkerDecideWhetherAFurtherRgStartsARecoveryPeriod() {
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    act(
            caseworker,
            id,
            "/further-rg",
            Map.of("recoveryPeriod", false, "reason", "Referred before"),
            true)
        .statusCode(200)
        .body("furtherRgRecoveryPeriod", equalTo(false));
    move(id, Map.of("to", "RG_POSITIVE"));
    read(caseworker, id)
        .body("recoveryPeriodEndsOn", nullValue())
        .body("supportPeriodEndsOn", nullValue());
    move(id, Map.of("to", "CG_POSITIVE", "findings", List.of("HUMAN_TRAFFICKING")));
    act(caseworker, id, "/further-rg", Map.of("recoveryPeriod", true, "reason", "x"), true)
        .statusCode(409);
  }

  @Test
  void refersAChildFromAnIctgAreaToAGuardian() {
    Map<String, Object> manchester = Referrals.aChildReferral();
    Referrals.exploitation(manchester).put("policeForce", "GREATER_MANCHESTER");
    read(partner, Referrals.submit(agency, manchester))
        .body("ictgReferredOn", equalTo(today().toString()));
    Map<String, Object> cumbria = Referrals.aChildReferral();
    Referrals.exploitation(cumbria).put("policeForce", "CUMBRIA");
    read(partner, Referrals.submit(agency, cumbria)).body("ictgReferredOn", nullValue());
    Map<String, Object> adult = Referrals.anAdultReferral();
    Referrals.exploitation(adult).put("policeForce", "GREATER_MANCHESTER");
    read(partner, Referrals.submit(agency, adult)).body("ictgReferredOn", nullValue());
    Map<String, Object> nowhere = Referrals.aChildReferral();
    Referrals.exploitation(nowhere).remove("policeForce");
    read(partner, Referrals.submit(agency, nowhere)).body("ictgReferredOn", nullValue());
  }

  private void move(String id, Map<String, ?> body) {
    Referrals.move(caseworker, id, body);
  }

  private static ValidatableResponse act(
      String token, String id, String path, Map<String, ?> body) {
    return act(token, id, path, body, false);
  }

  private static ValidatableResponse act(
      String token, String id, String path, Map<String, ?> body, boolean put) {
    var request = Api.as(token).header("If-Match", Referrals.etag(token, id));
    if (body != null) {
      request = request.body(body);
    }
    String url = "/api/v1/referrals/" + id + path;
    return (put ? request.put(url) : request.post(url)).then();
  }

  private static ValidatableResponse read(String token, String id) {
    return Api.as(token).get("/api/v1/referrals/" + id).then().statusCode(200);
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(TestClock.now(), ZoneId.of("Europe/London"));
  }
}
