package org.nrmreferrals.referral.casework;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Authorities;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Sequenced;
import org.nrmreferrals.support.TestClock;
import org.nrmreferrals.support.Tokens;

/**
 * Cases owned by a competent authority: allocation at intake, transfer, assignment and the queues.
 * Queue counts cover a whole authority, so each queue test registers a child panel of its own.
 */
@QuarkusTest
class CaseworkTest {
  private static final ZoneId UK = ZoneId.of("Europe/London");

  @Test
  void allocatesACaseNamingAnImmigrationCircumstanceToTheIecaAndHidesItFromTheSca() {
    String agency = Agencies.police();
    Map<String, Object> body = Referrals.anAdultReferral();
    body.put("immigrationCircumstances", List.of("IN_IMMIGRATION_DETENTION"));
    String id = Referrals.submit(agency, body);
    Api.as(Tokens.partner(agency))
        .get("/api/v1/referrals/" + id)
        .then()
        .body("competentAuthority", equalTo("IECA"))
        .body("immigrationCircumstances", contains("IN_IMMIGRATION_DETENTION"));
    String sca = Tokens.caseworker();
    String ieca = Tokens.caseworkerOf("IECA");
    Api.as(sca).get("/api/v1/referrals/" + id).then().statusCode(404);
    Api.as(sca).get("/api/v1/referrals/" + id + "/history").then().statusCode(404);
    Api.as(sca).get("/api/v1/referrals/" + id + "/htcds").then().statusCode(404);
    Api.as(sca)
        .header("If-Match", "\"0\"")
        .body(Map.of("to", "RG_POSITIVE"))
        .post("/api/v1/referrals/" + id + "/transitions")
        .then()
        .statusCode(404);
    Api.as(sca)
        .get("/api/v1/referrals?limit=200")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(id)));
    Api.as(ieca).get("/api/v1/referrals/" + id).then().statusCode(200);
    Api.as(ieca)
        .get("/api/v1/referrals?limit=5")
        .then()
        .body("items.id", hasItem(id))
        .body("items.competentAuthority", everyItem(equalTo("IECA")));
    Api.as(Tokens.admin()).get("/api/v1/referrals/" + id).then().statusCode(200);
  }

  @Test
  void allocatesEveryoneElseToTheSca() {
    String id = Referrals.submit(Agencies.police(), Referrals.anAdultReferral());
    Api.as(Tokens.caseworker())
        .get("/api/v1/referrals/" + id)
        .then()
        .statusCode(200)
        .body("competentAuthority", equalTo("SCA"));
    Api.as(Tokens.caseworkerOf("IECA")).get("/api/v1/referrals/" + id).then().statusCode(404);
  }

  @Test
  void allocatesAChildOfAPanelAreaToThePanelUnlessWithinAHundredDaysOfEighteen() {
    String council = Agencies.register("LOCAL_AUTHORITY");
    String panel = Authorities.panel(council);
    assertEquals(panel, authorityOf(council, Referrals.aChildReferral()));

    Map<String, Object> fromPolice = Referrals.aChildReferral();
    fromPolice.put("childLocalAuthority", council);
    assertEquals(panel, authorityOf(Agencies.police(), fromPolice));

    Map<String, Object> nearlyEighteen = Referrals.aChildReferral();
    LocalDate today = LocalDate.ofInstant(TestClock.now(), UK);
    Referrals.person(nearlyEighteen)
        .put("dateOfBirth", today.minusYears(18).plusDays(50).toString());
    assertEquals("SCA", authorityOf(council, nearlyEighteen));

    assertEquals("SCA", authorityOf(council, Referrals.anAdultReferral()));
  }

  @Test
  void refusesACaseworkerWhoseTokenNamesNoRegisteredAuthority() {
    String stranger = Tokens.caseworkerOf("NO_SUCH_AUTHORITY");
    Api.as(stranger).get("/api/v1/queues").then().statusCode(403);
    Api.as(stranger).get("/api/v1/referrals").then().statusCode(403);
    Api.as(Tokens.role("caseworker", "no-agency")).get("/api/v1/queues").then().statusCode(403);
  }

  @Test
  void transfersACaseOutOfOneQueueIntoTheOtherAndKeepsItsDeadlines() {
    String council = Agencies.register("LOCAL_AUTHORITY");
    String from = Authorities.panel(council);
    String to = Authorities.panel(Agencies.register("LOCAL_AUTHORITY"));
    String id = submitChild(council);
    String mine = Tokens.caseworkerOf(from);
    String theirs = Tokens.caseworkerOf(to);
    queue(mine, "unassigned").body("items.id", contains(id));
    queue(theirs, "unassigned").body("items", empty());
    String target = read(mine, id).extract().path("rgDecisionTargetDate");

    transfer(mine, id, Map.of("to", to, "reason", "The child moved to the other area"))
        .statusCode(200)
        .body("competentAuthority", equalTo(to))
        .body("rgDecisionTargetDate", equalTo(target));

    queue(mine, "unassigned").body("items", empty());
    queue(theirs, "unassigned").body("items.id", contains(id));
    count(mine, "unassigned", 0);
    count(theirs, "unassigned", 1);
    read(mine, id).statusCode(404);
    Api.as(theirs)
        .get("/api/v1/referrals/" + id + "/history")
        .then()
        .body("events.find { it.action == 'referral.transferred' }.details.from", equalTo(from))
        .body("events.find { it.action == 'referral.transferred' }.details.to", equalTo(to));
    read(Tokens.partner(council), id).body("competentAuthority", equalTo(to));
  }

  @Test
  void refusesATransferOutsideTheRules() {
    String partnerAgency = Agencies.police();
    String id = Referrals.submit(partnerAgency, Referrals.anAdultReferral());
    String sca = Tokens.caseworker();
    transfer(Tokens.caseworkerOf("IECA"), id, Map.of("to", "IECA", "reason", "x")).statusCode(404);
    transfer(sca, id, Map.of("to", "NOPE", "reason", "x"))
        .statusCode(422)
        .body("violations.field", contains("to"));
    transfer(sca, id, Map.of("to", "SCA", "reason", "x"))
        .statusCode(422)
        .body("violations.field", contains("to"));
    transfer(sca, id, Map.of("to", "IECA"))
        .statusCode(422)
        .body("violations.field", contains("reason"));
    String panel = Authorities.panel(Agencies.register("LOCAL_AUTHORITY"));
    transfer(sca, id, Map.of("to", panel, "reason", "x"))
        .statusCode(422)
        .body("violations.field", contains("to"));
    transfer(Tokens.partner(partnerAgency), id, Map.of("to", "IECA", "reason", "x"))
        .statusCode(403);
    Api.as(sca)
        .body(Map.of("to", "IECA", "reason", "x"))
        .post("/api/v1/referrals/" + id + "/transfer")
        .then()
        .statusCode(428);
    read(sca, id).body("competentAuthority", equalTo("SCA"));
    transfer(sca, id, Map.of("to", "IECA", "reason", "Detained under immigration powers"))
        .statusCode(200)
        .body("competentAuthority", equalTo("IECA"));
  }

  @Test
  void takesHandsBackAndGivesCases() {
    String council = Agencies.register("LOCAL_AUTHORITY");
    String panel = Authorities.panel(council);
    String first = submitChild(council);
    String second = submitChild(council);
    String alice = Tokens.caseworker("alice-" + panel, panel);
    String bob = Tokens.caseworker("bob-" + panel, panel);

    assign(alice, first, "alice-" + panel)
        .statusCode(200)
        .body("assignee", equalTo("alice-" + panel));
    assign(alice, first, "alice-" + panel).statusCode(409);
    count(alice, "mine", 1);
    count(alice, "unassigned", 1);
    queue(alice, "mine").body("items.id", contains(first));
    queue(alice, "unassigned").body("items.id", contains(second));
    queue(bob, "mine").body("items", empty());

    Api.as(alice)
        .header("If-Match", Referrals.etag(alice, first))
        .delete("/api/v1/referrals/" + first + "/assignee")
        .then()
        .statusCode(200)
        .body("assignee", nullValue());
    queue(alice, "unassigned").body("items.id", contains(first, second));

    assign(bob, second, "alice-" + panel).statusCode(200);
    queue(alice, "mine").body("items.id", contains(second));
    assign(bob, second, " ").statusCode(422).body("violations.field", contains("assignee"));

    String partner = Tokens.partner(council);
    read(partner, second).body("assignee", nullValue());
    Api.as(partner)
        .get("/api/v1/referrals/" + second + "/history")
        .then()
        .body("events.action", not(hasItem("referral.assigned")));
    Api.as(partner)
        .get("/api/v1/referrals?limit=5")
        .then()
        .body("items.assignee", everyItem(nullValue()));
  }

  @Test
  void queuesDueRgDecisionsCasesAwaitingCgOldestFirstAndSuspendedOnes() {
    String council = Agencies.register("LOCAL_AUTHORITY");
    String panel = Authorities.panel(council);
    String caseworker = Tokens.caseworkerOf(panel);
    String first = submitChild(council);
    TestClock.advance(Duration.ofHours(1));
    String second = submitChild(council);
    TestClock.advance(Duration.ofHours(1));
    String third = submitChild(council);
    queue(caseworker, "rg-due").body("items", empty());
    // Past the target of 5 working days even over Christmas and New Year's bank holidays.
    TestClock.advance(Duration.ofDays(15));
    queue(caseworker, "rg-due").body("items.id", contains(first, second, third));
    move(caseworker, second, "RG_POSITIVE", null);
    TestClock.advance(Duration.ofDays(2));
    move(caseworker, first, "RG_POSITIVE", null);
    move(caseworker, third, "SUSPENDED", "Missing from care");
    queue(caseworker, "awaiting-cg")
        .body("items.id", contains(second, first))
        .body("items.daysAwaitingCg", contains(2, 0));
    queue(caseworker, "suspended").body("items.id", contains(third));
    queue(caseworker, "rg-due").body("items", empty());
    count(caseworker, "awaiting-cg", 2);
    count(caseworker, "suspended", 1);
  }

  @Test
  void showsAHeldNegativeDecisionToEveryCaseworkerButTheOneWhoAskedForIt() {
    String council = Agencies.register("LOCAL_AUTHORITY");
    String panel = Authorities.panel(council);
    String id = submitChild(council);
    String asker = Tokens.caseworkerOf(panel);
    String reviewer = Tokens.caseworkerOf(panel);
    Referrals.requestANegativeDecision(asker, id);
    queue(asker, "second-caseworker").body("items", empty());
    queue(reviewer, "second-caseworker")
        .body("items.id", contains(id))
        .body("items[0].pendingDecision", equalTo("RG_NEGATIVE"));
    count(reviewer, "second-caseworker", 1);
    count(asker, "second-caseworker", 0);
  }

  @Test
  void pagesAQueueByCursorAndRefusesWhatItDidNotIssue() {
    String council = Agencies.register("LOCAL_AUTHORITY");
    String panel = Authorities.panel(council);
    String caseworker = Tokens.caseworkerOf(panel);
    String a = submitChild(council);
    String b = submitChild(council);
    String c = submitChild(council);
    String next =
        Api.as(caseworker)
            .get("/api/v1/queues/unassigned?limit=2")
            .then()
            .statusCode(200)
            .body("items.id", contains(a, b))
            .extract()
            .path("nextCursor");
    Api.as(caseworker)
        .get("/api/v1/queues/unassigned?limit=2&cursor=" + next)
        .then()
        .body("items.id", contains(c))
        .body("nextCursor", nullValue());
    Api.as(caseworker).get("/api/v1/queues/unassigned?cursor=nonsense").then().statusCode(400);
    Api.as(caseworker).get("/api/v1/queues/unassigned?limit=0").then().statusCode(400);
    Api.as(caseworker)
        .get("/api/v1/queues/everything")
        .then()
        .statusCode(404)
        .body("type", equalTo("/problems/not-found"));
    Api.as(caseworker)
        .get("/api/v1/queues")
        .then()
        .body("competentAuthority", equalTo(panel))
        .body(
            "queues.name",
            contains(
                "mine",
                "unassigned",
                "rg-due",
                "awaiting-cg",
                "second-caseworker",
                "suspended",
                "consent-needed",
                "information-awaited",
                "reconsideration"));
  }

  @Test
  void neverShowsAPartnerAHeldDecisionALegalHoldOrAnAssignmentInHistoryOrFeed() {
    String agency = Agencies.police();
    String partner = Tokens.partner(agency);
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    String asker = Tokens.caseworker("asker-" + id);
    assign(asker, id, "asker-" + id).statusCode(200);
    Referrals.requestANegativeDecision(asker, id);
    Referrals.placeALegalHold(id);
    List<String> internal =
        List.of("referral.decision_requested", "referral.legal_hold_set", "referral.assigned");
    ValidatableResponse adminHistory =
        Api.as(Tokens.admin()).get("/api/v1/referrals/" + id + "/history").then();
    for (String action : internal) {
      adminHistory.body("events.action", hasItem(action));
      Api.as(partner)
          .get("/api/v1/referrals/" + id + "/history")
          .then()
          .statusCode(200)
          .body("events.action", hasItem("referral.submitted"))
          .body("events.action", not(hasItem(action)));
      Sequenced.now();
      Api.as(partner)
          .get("/api/v1/events?limit=1000")
          .then()
          .statusCode(200)
          .body("events.action", hasItem("referral.submitted"))
          .body("events.action", not(hasItem(action)));
    }
    read(partner, id).body("pendingDecision", nullValue()).body("legalHold", nullValue());
  }

  /**
   * A child's referral from the council, a minute after the one before: queues order by time, and
   * referrals submitted at the same instant of the test clock would order by their random ids.
   */
  private static String submitChild(String council) {
    TestClock.advance(Duration.ofMinutes(1));
    return Referrals.submit(council, Referrals.aChildReferral());
  }

  private static String authorityOf(String agency, Map<String, Object> body) {
    String id = Referrals.submit(agency, body);
    return read(Tokens.partner(agency), id).extract().path("competentAuthority");
  }

  private static ValidatableResponse read(String token, String id) {
    return Api.as(token).get("/api/v1/referrals/" + id).then();
  }

  private static ValidatableResponse transfer(String token, String id, Map<String, ?> body) {
    return Api.as(token)
        .header("If-Match", Referrals.etag(Tokens.admin(), id))
        .body(body)
        .post("/api/v1/referrals/" + id + "/transfer")
        .then();
  }

  private static ValidatableResponse assign(String token, String id, String assignee) {
    return Api.as(token)
        .header("If-Match", Referrals.etag(token, id))
        .body(Map.of("assignee", assignee))
        .put("/api/v1/referrals/" + id + "/assignee")
        .then();
  }

  private static void move(String token, String id, String to, String reason) {
    Map<String, Object> body = new HashMap<>();
    body.put("to", to);
    if (reason != null) {
      body.put("reason", reason);
    }
    Api.as(token)
        .header("If-Match", Referrals.etag(token, id))
        .body(body)
        .post("/api/v1/referrals/" + id + "/transitions")
        .then()
        .statusCode(200);
  }

  private static ValidatableResponse queue(String token, String name) {
    return Api.as(token).get("/api/v1/queues/" + name).then().statusCode(200);
  }

  private static void count(String token, String name, int expected) {
    Api.as(token)
        .get("/api/v1/queues")
        .then()
        .statusCode(200)
        .body("queues.find { it.name == '" + name + "' }.count", equalTo(expected));
  }
}
