package org.nrmreferrals.referral.casework;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Authorities;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.TestClock;
import org.nrmreferrals.support.Tokens;

/**
 * Reconsideration as a request beside the status: asked within 30 days (later only on exceptional
 * circumstances) by the referring agency or a support provider, accepted or declined by the owning
 * competent authority; only an accepted request reopens the decision.
 */
@QuarkusTest
class ReconsiderationTest {
  @Test
  void refusesALateRequestWithTheDayItWasDueUnlessCircumstancesAreExceptional() {
    Case c = negativeCase();
    LocalDate due = today().plusDays(30);
    TestClock.advance(Duration.ofDays(31));
    ask(c.partner, c.id, Map.of("grounds", List.of("ADDITIONAL_EVIDENCE"), "reason", "Late"))
        .statusCode(422)
        .body("type", equalTo("/problems/too-late"))
        .body("latestDate", equalTo(due.toString()))
        .body("violations.field", contains("exceptionalCircumstances"));
    ask(
            c.partner,
            c.id,
            Map.of(
                "grounds",
                List.of("ADDITIONAL_EVIDENCE", "NOT_IN_LINE_WITH_GUIDANCE"),
                "reason",
                "The person was in hospital for six weeks",
                "exceptionalCircumstances",
                true))
        .statusCode(201)
        .body("dueBy", equalTo(due.toString()))
        .body("exceptionalCircumstances", equalTo(true))
        .body("grounds", contains("ADDITIONAL_EVIDENCE", "NOT_IN_LINE_WITH_GUIDANCE"))
        .body("outcome", equalTo(null));
  }

  @Test
  void leavesADeclinedDecisionAsItWasAndCountsNoNewDecision() {
    Case c = negativeCase();
    String first = Referrals.requestReconsideration(c.partner, c.id);
    read(c.partner, c.id).body("status", equalTo("RG_NEGATIVE"));
    ask(c.partner, c.id, Map.of("grounds", List.of("ADDITIONAL_EVIDENCE"), "reason", "Again"))
        .statusCode(409);
    queue(c.caseworker).body("items.id", contains(c.id));
    Referrals.decideReconsideration(c.caseworker, c.id, first, "DECLINED")
        .statusCode(200)
        .body("status", equalTo("RG_NEGATIVE"))
        .body("reconsiderationRequests[0].outcome", equalTo("DECLINED"));
    Referrals.decideReconsideration(c.caseworker, c.id, first, "ACCEPTED").statusCode(409);
    queue(c.caseworker).body("items", empty());

    String second = Referrals.requestReconsideration(c.partner, c.id);
    Referrals.decideReconsideration(c.caseworker, c.id, second, "ACCEPTED")
        .statusCode(200)
        .body("status", equalTo("RECONSIDERATION_REQUESTED"))
        .body("reconsidering", equalTo("REASONABLE_GROUNDS"));
    // Taken again, the decision may be negative again, held for a second caseworker.
    Api.as(c.caseworker)
        .header("If-Match", Referrals.etag(c.caseworker, c.id))
        .body(Map.of("to", "RG_NEGATIVE", "reason", "Still no indicators"))
        .post("/api/v1/referrals/" + c.id + "/transitions")
        .then()
        .statusCode(202);
    Api.as(c.partner)
        .get("/api/v1/referrals/" + c.id + "/history")
        .then()
        .body(
            "events.action",
            hasItems("referral.reconsideration_requested", "referral.reconsideration_decided"))
        .body(
            "events.findAll { it.action == 'referral.reconsideration_decided' }.details.outcome",
            contains("DECLINED", "ACCEPTED"));
  }

  @Test
  void reopensADecisionOnlyThroughAnAcceptedRequest() {
    Case c = negativeCase();
    for (String token : List.of(c.partner, c.caseworker)) {
      Api.as(token)
          .header("If-Match", Referrals.etag(token, c.id))
          .body(Map.of("to", "RECONSIDERATION_REQUESTED", "reason", "New evidence"))
          .post("/api/v1/referrals/" + c.id + "/transitions")
          .then()
          .statusCode(409)
          .body("detail", containsString("reconsideration-requests"));
    }
    read(c.partner, c.id).body("status", equalTo("RG_NEGATIVE"));
  }

  @Test
  void letsASupportProviderAskForThePersonAndFollowItsRequest() {
    Case c = negativeCase();
    String provider = Agencies.register("NGO");
    Api.as(Tokens.admin())
        .body(Map.of("supportProvider", true))
        .patch("/api/v1/agencies/" + provider)
        .then()
        .statusCode(200)
        .body("supportProvider", equalTo(true));
    String supporter = Tokens.partner(provider);
    ask(
            Tokens.partner(Agencies.ngo()),
            c.id,
            Map.of("grounds", List.of("ADDITIONAL_EVIDENCE"), "reason", "x"))
        .statusCode(404);
    // Acting for the person, the provider names the case's reference from their decision letter.
    ask(supporter, c.id, Map.of("grounds", List.of("ADDITIONAL_EVIDENCE"), "reason", "x"))
        .statusCode(404);
    String reference = read(c.partner, c.id).extract().path("reference");
    String request =
        ask(
                supporter,
                c.id,
                Map.of(
                    "grounds",
                    List.of("ADDITIONAL_EVIDENCE"),
                    "reason",
                    "A statement from the person's GP",
                    "reference",
                    reference))
            .statusCode(201)
            .extract()
            .path("id");
    read(supporter, c.id).statusCode(404);
    Api.as(supporter)
        .get("/api/v1/referrals/" + c.id + "/reconsideration-requests/" + request)
        .then()
        .statusCode(200)
        .body("requestingAgency", equalTo(provider));
    Referrals.decideReconsideration(c.caseworker, c.id, request, "ACCEPTED").statusCode(200);
    Api.as(supporter)
        .get("/api/v1/reconsideration-requests")
        .then()
        .statusCode(200)
        .body("id", contains(request))
        .body("outcome", contains("ACCEPTED"));
    Api.as(c.partner).get("/api/v1/reconsideration-requests").then().body("", empty());
  }

  @Test
  void refusesARequestOnACaseWithoutANegativeDecisionOrWithoutGrounds() {
    String agency = Agencies.police();
    String partner = Tokens.partner(agency);
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    ask(partner, id, Map.of("grounds", List.of("ADDITIONAL_EVIDENCE"), "reason", "x"))
        .statusCode(409);
    ask(partner, id, Map.of("grounds", List.of(), "reason", "x"))
        .statusCode(422)
        .body("violations.field", contains("grounds"));
    ask(partner, id, Map.of("grounds", List.of("ADDITIONAL_EVIDENCE")))
        .statusCode(422)
        .body("violations.field", contains("reason"));
    ask(Tokens.caseworker(), id, Map.of("grounds", List.of("ADDITIONAL_EVIDENCE"), "reason", "x"))
        .statusCode(403);
  }

  /** A child's case from a council of a panel of its own, decided negative by two caseworkers. */
  private static Case negativeCase() {
    String council = Agencies.register("LOCAL_AUTHORITY");
    String panel = Authorities.panel(council);
    String id = Referrals.submit(council, Referrals.aChildReferral());
    String caseworker = Tokens.caseworkerOf(panel);
    Referrals.requestANegativeDecision(caseworker, id);
    String second = Tokens.caseworkerOf(panel);
    Referrals.confirmHeldDecision(second, id);
    return new Case(id, Tokens.partner(council), caseworker);
  }

  private record Case(String id, String partner, String caseworker) {}

  private static ValidatableResponse ask(String token, String id, Map<String, ?> body) {
    return Api.as(token)
        .body(body)
        .post("/api/v1/referrals/" + id + "/reconsideration-requests")
        .then();
  }

  private static ValidatableResponse read(String token, String id) {
    return Api.as(token).get("/api/v1/referrals/" + id).then();
  }

  private static ValidatableResponse queue(String caseworker) {
    return Api.as(caseworker).get("/api/v1/queues/reconsideration").then().statusCode(200);
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(TestClock.now(), ZoneId.of("Europe/London"));
  }
}
