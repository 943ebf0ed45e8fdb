package org.nrmreferrals.referral.casework;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.TestClock;
import org.nrmreferrals.support.Tokens;

/** The statutory workflow over HTTP: every rule of POST .../transitions, holds and flags. */
@QuarkusTest
class TransitionsTest {
  private static final ZoneId UK = ZoneId.of("Europe/London");

  private String agency;
  private String partner;
  private final String caseworker = Tokens.caseworker();
  private final String secondCaseworker = Tokens.caseworker();

  @BeforeEach
  void registerAgency() {
    agency = Agencies.police();
    partner = Tokens.partner(agency);
  }

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void servesTheWorkflowTable() {
    Api.as(partner)
        .get("/api/v1/workflow")
        .then()
        .statusCode(200)
        .body("statuses.size()", equalTo(9))
        .body("statuses.find { it.status == 'NOTIFIED' }.final", equalTo(true))
        .body(
            "transitions.find { it.from == 'SUBMITTED' && it.to == 'RG_NEGATIVE' }.secondCaseworker",
            equalTo(true))
        .body(
            "transitions.find { it.from == 'SUBMITTED' && it.to == 'WITHDRAWN' }.by",
            equalTo("REFERRING_AGENCY"));
  }

  @Test
  void makesAPositiveRgAndStartsTheRecoveryPeriod() {
    String id = submitAdult();
    String etag = Referrals.etag(caseworker, id);
    String newTag =
        move(caseworker, id, etag, "RG_POSITIVE", null, null)
            .statusCode(200)
            .body("status", equalTo("RG_POSITIVE"))
            .body("rgDecidedAt", notNullValue())
            .body("recoveryPeriodEndsOn", equalTo(today().plusDays(30).toString()))
            .body("daysAwaitingCg", equalTo(0))
            .extract()
            .header("ETag");
    assertNotEquals(etag, newTag);
    assertEquals(newTag, Referrals.etag(caseworker, id));
  }

  @Test
  void requiresTheCurrentETag() {
    String id = submitAdult();
    String etag = Referrals.etag(caseworker, id);
    Api.as(caseworker)
        .body(Map.of("to", "RG_POSITIVE"))
        .post(transitions(id))
        .then()
        .statusCode(428)
        .body("type", equalTo("/problems/precondition-required"));
    move(caseworker, id, "\"99\"", "RG_POSITIVE", null, null)
        .statusCode(412)
        .body("type", equalTo("/problems/precondition-failed"));
    move(caseworker, id, "*", "RG_POSITIVE", null, null).statusCode(428);
    status(id, "SUBMITTED");
    assertEquals(etag, Referrals.etag(caseworker, id));
  }

  @Test
  void refusesAMoveTheTableDoesNotAllowAndListsThoseItDoes() {
    String id = submitAdult();
    move(caseworker, id, Referrals.etag(caseworker, id), "CG_POSITIVE", null, "HUMAN_TRAFFICKING")
        .statusCode(409)
        .body("type", equalTo("/problems/illegal-transition"))
        .body(
            "allowedTransitions", contains("RG_POSITIVE", "RG_NEGATIVE", "SUSPENDED", "WITHDRAWN"));
  }

  @Test
  void letsOnlyCaseworkersDecide() {
    String id = submitAdult();
    String etag = Referrals.etag(caseworker, id);
    move(partner, id, etag, "RG_POSITIVE", null, null).statusCode(403);
    move(Tokens.admin(), id, etag, "RG_POSITIVE", null, null).statusCode(403);
    move(Tokens.analyst(), id, etag, "RG_POSITIVE", null, null).statusCode(403);
    move(Tokens.partner(Agencies.police()), id, etag, "WITHDRAWN", "x", null).statusCode(404);
    status(id, "SUBMITTED");
  }

  @Test
  void letsOnlyTheReferringAgencyWithdrawAnAdultWithAReason() {
    String id = submitAdult();
    String etag = Referrals.etag(caseworker, id);
    move(caseworker, id, etag, "WITHDRAWN", "asked to", null).statusCode(403);
    move(partner, id, etag, "WITHDRAWN", "  ", null)
        .statusCode(422)
        .body("violations.field", contains("reason"));
    move(partner, id, etag, "WITHDRAWN", "The person withdrew consent", null)
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"));
    move(caseworker, id, Referrals.etag(caseworker, id), "RG_POSITIVE", null, null)
        .statusCode(409)
        .body("allowedTransitions", empty());
  }

  @Test
  void refusesToWithdrawAChildsReferral() {
    String id = Referrals.submit(agency, Referrals.aChildReferral());
    move(partner, id, Referrals.etag(partner, id), "WITHDRAWN", "asked to", null)
        .statusCode(422)
        .body("violations.field", contains("to"));
    status(id, "SUBMITTED");
  }

  @Test
  void holdsANegativeDecisionUntilADifferentCaseworkerConfirmsIt() {
    String id = submitAdult();
    move(caseworker, id, Referrals.etag(caseworker, id), "RG_NEGATIVE", null, null)
        .statusCode(422)
        .body("violations.field", contains("reason"));
    move(
            caseworker,
            id,
            Referrals.etag(caseworker, id),
            "RG_NEGATIVE",
            "No objective indicators",
            null)
        .statusCode(202)
        .body("status", equalTo("SUBMITTED"))
        .body("pendingDecision.status", equalTo("RG_NEGATIVE"));
    Api.as(partner).get("/api/v1/referrals/" + id).then().body("pendingDecision", nullValue());
    move(caseworker, id, Referrals.etag(caseworker, id), "RG_POSITIVE", null, null)
        .statusCode(409)
        .body("type", equalTo("/problems/conflict"));
    confirm(caseworker, id)
        .statusCode(422)
        .body("type", equalTo("/problems/second-caseworker-required"));
    confirm(secondCaseworker, id)
        .statusCode(200)
        .body("status", equalTo("RG_NEGATIVE"))
        .body("pendingDecision", nullValue());
    var history =
        Api.as(Tokens.admin())
            .get("/api/v1/referrals/" + id + "/history")
            .then()
            .statusCode(200)
            .body("events.action", hasItem("referral.decision_requested"))
            .extract()
            .jsonPath();
    // The confirmation names the request by its digest: neither need have a seq yet.
    org.junit.jupiter.api.Assertions.assertEquals(
        history.getString("events.find { it.action == 'referral.decision_requested' }.eventDigest"),
        history.getString(
            "events.find { it.toStatus == 'RG_NEGATIVE' && it.action =="
                + " 'referral.status_changed' }.details.confirmsEvent"));
  }

  @Test
  void letsEitherCaseworkerWithdrawAHeldDecision() {
    String id = submitAdult();
    move(caseworker, id, Referrals.etag(caseworker, id), "RG_NEGATIVE", "Insufficient", null)
        .statusCode(202);
    Api.as(secondCaseworker)
        .header("If-Match", Referrals.etag(caseworker, id))
        .delete("/api/v1/referrals/" + id + "/pending-decision")
        .then()
        .statusCode(200)
        .body("status", equalTo("SUBMITTED"))
        .body("pendingDecision", nullValue());
    confirm(secondCaseworker, id).statusCode(409);
  }

  @Test
  void letsTheReferringAgencyWithdrawWhileADecisionIsHeld() {
    String id = submitAdult();
    move(caseworker, id, Referrals.etag(caseworker, id), "RG_NEGATIVE", "Insufficient", null)
        .statusCode(202);
    move(partner, id, Referrals.etag(partner, id), "WITHDRAWN", "Consent withdrawn", null)
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"));
    Api.as(caseworker)
        .get("/api/v1/referrals/" + id)
        .then()
        .body("status", equalTo("WITHDRAWN"))
        .body("pendingDecision", nullValue());
    confirm(secondCaseworker, id).statusCode(409);
  }

  @Test
  void letsScotlandDecideTheCgBeforeItsNinetyDaysOfSupportEndAndRecordsTheFindings() {
    Map<String, Object> body = Referrals.anAdultReferral();
    body.put("jurisdiction", "SCOTLAND");
    Referrals.exploitation(body).put("policeForce", "POLICE_SCOTLAND");
    String id = Referrals.submit(agency, body);
    move(caseworker, id, Referrals.etag(caseworker, id), "RG_POSITIVE", null, null)
        .statusCode(200)
        .body("recoveryPeriodEndsOn", equalTo(today().plusDays(30).toString()))
        .body("supportPeriodEndsOn", equalTo(today().plusDays(90).toString()));
    TestClock.advance(Duration.ofDays(30));
    move(caseworker, id, Referrals.etag(caseworker, id), "CG_POSITIVE", null, null)
        .statusCode(422)
        .body("violations.field", contains("findings"));
    move(
            caseworker,
            id,
            Referrals.etag(caseworker, id),
            "CG_POSITIVE",
            null,
            "HUMAN_TRAFFICKING,SLAVERY_SERVITUDE_FORCED_LABOUR")
        .statusCode(200)
        .body("status", equalTo("CG_POSITIVE"))
        .body(
            "cgFindings",
            containsInAnyOrder("HUMAN_TRAFFICKING", "SLAVERY_SERVITUDE_FORCED_LABOUR"));
  }

  @Test
  void returnsAReconsideredCaseToTheDecisionReconsidered() {
    String id = submitAdult();
    decideNegative(id, "RG_NEGATIVE");
    Referrals.decideReconsideration(
            caseworker, id, Referrals.requestReconsideration(partner, id), "ACCEPTED")
        .statusCode(200)
        .body("status", equalTo("RECONSIDERATION_REQUESTED"))
        .body("reconsidering", equalTo("REASONABLE_GROUNDS"));
    move(caseworker, id, Referrals.etag(caseworker, id), "CG_POSITIVE", null, "HUMAN_TRAFFICKING")
        .statusCode(409)
        .body(
            "allowedTransitions", contains("RG_POSITIVE", "RG_NEGATIVE", "SUSPENDED", "WITHDRAWN"));
    move(caseworker, id, Referrals.etag(caseworker, id), "RG_POSITIVE", null, null)
        .statusCode(200)
        .body("status", equalTo("RG_POSITIVE"))
        .body("reconsidering", nullValue());
  }

  @Test
  void refusesAConclusiveDecisionBeforeTheRecoveryPeriodHasRun() {
    String id = submitAdult();
    String ends =
        move(caseworker, id, Referrals.etag(caseworker, id), "RG_POSITIVE", null, null)
            .extract()
            .path("recoveryPeriodEndsOn");
    move(caseworker, id, Referrals.etag(caseworker, id), "CG_POSITIVE", null, "HUMAN_TRAFFICKING")
        .statusCode(422)
        .body("type", equalTo("/problems/too-early"))
        .body("earliestDate", equalTo(ends));
    TestClock.advance(Duration.ofDays(30));
    move(caseworker, id, Referrals.etag(caseworker, id), "CG_POSITIVE", null, null)
        .statusCode(422)
        .body("violations.field", contains("findings"));
    move(
            caseworker,
            id,
            Referrals.etag(caseworker, id),
            "CG_POSITIVE",
            null,
            "SLAVERY_SERVITUDE_FORCED_LABOUR")
        .statusCode(200)
        .body("status", equalTo("CG_POSITIVE"))
        .body("cgFindings", contains("SLAVERY_SERVITUDE_FORCED_LABOUR"))
        .body("daysAwaitingCg", nullValue());
  }

  @Test
  void suspendsWithAReasonAndResumesWithAFreshTargetDate() {
    String id = submitAdult();
    String due =
        Api.as(caseworker)
            .get("/api/v1/referrals/" + id)
            .then()
            .extract()
            .path("rgDecisionTargetDate");
    move(caseworker, id, Referrals.etag(caseworker, id), "SUSPENDED", null, null).statusCode(422);
    move(caseworker, id, Referrals.etag(caseworker, id), "SUSPENDED", "Missing person", null)
        .statusCode(200)
        .body("status", equalTo("SUSPENDED"));
    TestClock.advance(Duration.ofDays(21));
    String resumedDue =
        move(caseworker, id, Referrals.etag(caseworker, id), "SUBMITTED", null, null)
            .statusCode(200)
            .extract()
            .path("rgDecisionTargetDate");
    assertTrue(LocalDate.parse(resumedDue).isAfter(LocalDate.parse(due).plusDays(14)));
  }

  @Test
  void suspendsACaseAwaitingItsCgAndResumesItWhereItWas() {
    String id = submitAdult();
    String earliest =
        move(caseworker, id, Referrals.etag(caseworker, id), "RG_POSITIVE", null, null)
            .statusCode(200)
            .extract()
            .path("recoveryPeriodEndsOn");
    move(caseworker, id, Referrals.etag(caseworker, id), "SUSPENDED", "Cannot be contacted", null)
        .statusCode(200)
        .body("status", equalTo("SUSPENDED"))
        .body("suspendedFrom", equalTo("RG_POSITIVE"));
    move(caseworker, id, Referrals.etag(caseworker, id), "SUBMITTED", null, null)
        .statusCode(409)
        .body("allowedTransitions", contains("RG_POSITIVE", "WITHDRAWN"));
    TestClock.advance(Duration.ofDays(40));
    move(caseworker, id, Referrals.etag(caseworker, id), "RG_POSITIVE", null, null)
        .statusCode(200)
        .body("status", equalTo("RG_POSITIVE"))
        .body("suspendedFrom", nullValue())
        .body("recoveryPeriodEndsOn", equalTo(earliest))
        .body("daysAwaitingCg", equalTo(40));
    move(caseworker, id, Referrals.etag(caseworker, id), "CG_POSITIVE", null, "HUMAN_TRAFFICKING")
        .statusCode(200);
  }

  @Test
  void suspendsAReconsiderationAndResumesItAtTheStageReconsidered() {
    String id = submitAdult();
    decideNegative(id, "RG_NEGATIVE");
    Referrals.decideReconsideration(
            caseworker, id, Referrals.requestReconsideration(partner, id), "ACCEPTED")
        .statusCode(200);
    move(caseworker, id, Referrals.etag(caseworker, id), "SUSPENDED", "Gone missing", null)
        .statusCode(200)
        .body("reconsidering", equalTo("REASONABLE_GROUNDS"));
    move(caseworker, id, Referrals.etag(caseworker, id), "RECONSIDERATION_REQUESTED", null, null)
        .statusCode(200)
        .body("status", equalTo("RECONSIDERATION_REQUESTED"))
        .body("reconsidering", equalTo("REASONABLE_GROUNDS"));
    move(caseworker, id, Referrals.etag(caseworker, id), "RG_POSITIVE", null, null).statusCode(200);
  }

  @Test
  void letsExactlyOneOfTwoConcurrentTransitionsWin() throws Exception {
    for (int round = 0; round < 5; round++) {
      String id = submitAdult();
      String etag = Referrals.etag(caseworker, id);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Callable<Integer>> both =
            List.of(
                () -> move(caseworker, id, etag, "RG_POSITIVE", null, null).extract().statusCode(),
                () ->
                    move(secondCaseworker, id, etag, "SUSPENDED", "Missing", null)
                        .extract()
                        .statusCode());
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(both)) {
          codes.add(f.get());
        }
        codes.sort(Integer::compare);
        assertEquals(List.of(200, 412), codes);
      } finally {
        pool.shutdown();
      }
      assertEquals("\"1\"", Referrals.etag(caseworker, id));
    }
  }

  @Test
  void findsTheBacklogAndOverdueReferrals() {
    String positive = submitAdult();
    String waiting = submitAdult();
    move(caseworker, positive, Referrals.etag(caseworker, positive), "RG_POSITIVE", null, null)
        .statusCode(200);
    list("awaitingCg=true").body("items.id", contains(positive));
    list("status=RG_POSITIVE&awaitingCg=true").body("items.id", contains(positive));
    list("awaitingCg=false").body("items.id", contains(waiting));
    list("overdue=true").body("items.id", empty());
    TestClock.advance(Duration.ofDays(14));
    list("overdue=true").body("items.id", contains(waiting));
    list("overdue=false").body("items.id", contains(positive));
    list("awaitingCg=true").body("items[0].daysAwaitingCg", equalTo(14));
    list("overdue=maybe").statusCode(400);
  }

  @Test
  void neverMovesADutyToNotifyReport() {
    Map<String, Object> report = Referrals.aDutyToNotifyReport();
    String id = Referrals.submit(Agencies.register("GOVERNMENT_AGENCY"), report);
    move(caseworker, id, Referrals.etag(caseworker, id), "RG_POSITIVE", null, null)
        .statusCode(409)
        .body("allowedTransitions", empty());
  }

  @Test
  void refusesUnreadableTransitionRequests() {
    String id = submitAdult();
    String etag = Referrals.etag(caseworker, id);
    Api.as(caseworker)
        .header("If-Match", etag)
        .body(Map.of())
        .post(transitions(id))
        .then()
        .statusCode(422)
        .body("violations.field", contains("to"));
    Api.as(caseworker)
        .header("If-Match", etag)
        .body(Map.of("to", "APPROVED"))
        .post(transitions(id))
        .then()
        .statusCode(422);
    Api.as(caseworker)
        .header("If-Match", etag)
        .body(Map.of("to", "RG_POSITIVE", "extra", 1))
        .post(transitions(id))
        .then()
        .statusCode(400);
    move(caseworker, id, etag, "RG_POSITIVE", null, "HUMAN_TRAFFICKING")
        .statusCode(422)
        .body("violations.field", contains("findings"));
    Api.as(caseworker)
        .header("If-Match", etag)
        .body(Map.of("to", "RG_POSITIVE"))
        .post("/api/v1/referrals/not-a-uuid/transitions")
        .then()
        .statusCode(400);
    status(id, "SUBMITTED");
  }

  private String submitAdult() {
    return Referrals.submit(agency, Referrals.anAdultReferral());
  }

  private void decideNegative(String id, String to) {
    move(caseworker, id, Referrals.etag(caseworker, id), to, "Insufficient evidence", null)
        .statusCode(202);
    confirm(secondCaseworker, id).statusCode(200).body("status", equalTo(to));
  }

  private ValidatableResponse list(String query) {
    return Api.as(partner).get("/api/v1/referrals?" + query).then();
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(TestClock.now(), UK);
  }

  private static String transitions(String id) {
    return "/api/v1/referrals/" + id + "/transitions";
  }

  private void status(String id, String expected) {
    Api.as(caseworker).get("/api/v1/referrals/" + id).then().body("status", equalTo(expected));
  }

  private static ValidatableResponse move(
      String token, String id, String etag, String to, String reason, String findings) {
    Map<String, Object> body = new HashMap<>();
    body.put("to", to);
    if (reason != null) {
      body.put("reason", reason);
    }
    if (findings != null) {
      body.put("findings", List.of(findings.split(",")));
    }
    return Api.as(token).header("If-Match", etag).body(body).post(transitions(id)).then();
  }

  private static ValidatableResponse confirm(String token, String id) {
    return Api.as(token)
        .header("If-Match", Referrals.etag(token, id))
        .post("/api/v1/referrals/" + id + "/pending-decision/confirmation")
        .then();
  }
}
