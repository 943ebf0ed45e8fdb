package org.nrmreferrals.webhook;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditEvent;
import org.nrmreferrals.audit.AuditQueries;
import org.nrmreferrals.audit.AuditTrail;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Tokens;
import org.nrmreferrals.support.WebhookReceiver;

/** Webhooks against a receiver on loopback that checks every signature. */
@QuarkusTest
class WebhookTest {
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @Inject AuditTrail audit;
  @Inject AgroalDataSource database;

  private WebhookReceiver receiver;
  private String agency;
  private String partner;

  @BeforeEach
  void start() throws Exception {
    receiver = new WebhookReceiver();
    agency = Agencies.police();
    partner = Tokens.partner(agency);
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void deliversEverySignedEventOnceAndInOrderPerReferral() throws Exception {
    String webhook =
        subscribe(List.of("referral.submitted", "referral.status_changed", "referral.read"));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String id = Referrals.submit(agency, Referrals.anAdultReferral());
      ids.add(id);
      String caseworker = Tokens.caseworker();
      String etag =
          Api.as(caseworker).get("/api/v1/referrals/" + id).then().extract().header("ETag");
      Api.as(caseworker)
          .header("If-Match", etag)
          .body(Map.of("to", "RG_POSITIVE"))
          .post("/api/v1/referrals/" + id + "/transitions")
          .then()
          .statusCode(200);
    }
    receiver.await(r -> r.size() >= 9, PATIENCE);
    // Once every delivery is recorded as delivered, nothing is left to send twice.
    awaitDeliveries(webhook, page -> allDelivered(page, 9));
    List<WebhookReceiver.Received> got = receiver.received();
    assertEquals(9, got.size(), "each event exactly once while the receiver answers 2xx");
    assertEquals(0, receiver.badSignatures());
    for (String id : ids) {
      List<String> actions =
          got.stream()
              .filter(r -> id.equals(r.event().path("referralId").asText()))
              .map(r -> r.event().path("action").asText())
              .toList();
      assertEquals(
          List.of("referral.submitted", "referral.read", "referral.status_changed"), actions);
    }
    JsonPath feed = Api.as(partner).get("/api/v1/events?limit=1000").then().extract().jsonPath();
    for (WebhookReceiver.Received r : got) {
      long seq = r.event().path("seq").asLong();
      assertEquals(
          feed.getString("events.find { it.seq == " + seq + " }.hash"),
          r.event().path("hash").asText());
      assertTrue(r.event().path("reason").isMissingNode());
      assertThat(r.event().toString(), not(org.hamcrest.Matchers.containsString("Ana")));
    }
  }

  @Test
  void neverSendsAPartnerAHeldDecisionOrALegalHold() throws Exception {
    for (String internal :
        List.of(
            "referral.decision_requested",
            "referral.decision_withdrawn",
            "referral.legal_hold_set",
            "referral.assigned")) {
      create(receiver.url(), List.of("referral.submitted", internal))
          .statusCode(422)
          .body("violations.field", contains("events[1]"));
    }
    subscribe(List.of("referral.status_changed", "referral.transferred"));
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    String asker = Tokens.caseworker();
    Referrals.requestANegativeDecision(asker, id);
    Referrals.placeALegalHold(id);
    String reviewer = Tokens.caseworker();
    Api.as(reviewer)
        .header("If-Match", Referrals.etag(reviewer, id))
        .post("/api/v1/referrals/" + id + "/pending-decision/confirmation")
        .then()
        .statusCode(200);
    receiver.await(r -> !r.isEmpty(), PATIENCE);
    List<String> actions =
        receiver.received().stream().map(r -> r.event().path("action").asText()).toList();
    assertEquals(List.of("referral.status_changed"), actions);
    assertEquals("RG_NEGATIVE", receiver.received().get(0).event().path("toStatus").asText());
    // Fan-out reads the trail for one agency; a subscription stored before internal steps were
    // refused still gets none of them.
    EnumSet<Action> both = EnumSet.of(Action.DECISION_REQUESTED, Action.STATUS_CHANGED);
    assertEquals(List.of(Action.STATUS_CHANGED), followed(both, agency, id));
    assertEquals(
        List.of(Action.DECISION_REQUESTED, Action.STATUS_CHANGED), followed(both, null, id));
  }

  private List<Action> followed(EnumSet<Action> actions, String agency, String id)
      throws Exception {
    List<Action> seen = new ArrayList<>();
    try (Connection c = database.getConnection()) {
      AuditQueries.after(
          c,
          0,
          AuditQueries.headSeq(c),
          actions,
          agency,
          e -> {
            if (id.equals(String.valueOf(e.referralId()))) {
              seen.add(e.action());
            }
          });
    }
    return seen;
  }

  @Test
  void aDeactivatedAgencysWebhooksStopAtOnceAndCatchUpIfItIsMadeActiveAgain() throws Exception {
    String webhook = subscribe(List.of("referral.submitted", "referral.status_changed"));
    receiver.down();
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    awaitDeliveries(webhook, d -> d.getInt("[0].attempts") >= 1); // queued, not yet delivered
    Agencies.deactivate(agency);
    receiver.up();
    String caseworker = Tokens.caseworker();
    Api.as(caseworker)
        .header("If-Match", Referrals.etag(caseworker, id))
        .body(Map.of("to", "RG_POSITIVE"))
        .post("/api/v1/referrals/" + id + "/transitions")
        .then()
        .statusCode(200);
    // Nothing may arrive; what is waited for is the dispatcher passing over it. An active agency's
    // events, submitted after the change, arrive in two later polls (a second apart); either
    // poll would have sent the queued retry (due within 0.5 s) and the new event.
    try (WebhookReceiver control = new WebhookReceiver()) {
      String other = Agencies.police();
      String secret =
          Api.as(Tokens.partner(other))
              .body(Map.of("url", control.url(), "events", List.of("referral.submitted")))
              .post("/api/v1/webhooks")
              .then()
              .statusCode(201)
              .extract()
              .path("secret");
      control.trust(secret);
      for (int polls = 1; polls <= 2; polls++) {
        int seen = polls;
        Referrals.submit(other, Referrals.anAdultReferral());
        control.await(r -> r.size() == seen, PATIENCE);
      }
    }
    assertEquals(0, receiver.received().size(), "neither the queued nor the new event is sent");
    Api.as(Tokens.admin())
        .body(Map.of("active", true))
        .patch("/api/v1/agencies/" + agency)
        .then()
        .statusCode(200);
    receiver.await(r -> r.size() == 2, PATIENCE);
    assertEquals(
        List.of("referral.submitted", "referral.status_changed"),
        receiver.received().stream().map(r -> r.event().path("action").asText()).toList());
  }

  @Test
  void anAgencyHasAtMostTheConfiguredNumberOfWebhooks() {
    // nrm.webhooks.max-per-agency is 3 in the test profile.
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(
          create(receiver.url(), List.of("referral.submitted"))
              .statusCode(201)
              .extract()
              .path("id"));
    }
    create(receiver.url(), List.of("referral.submitted"))
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/conflict"))
        .body("detail", org.hamcrest.Matchers.containsString("already has 3 webhooks"));
    assertEquals(
        3, Api.as(partner).get("/api/v1/webhooks").then().extract().jsonPath().getList("").size());
    Api.as(partner).delete("/api/v1/webhooks/" + ids.get(0)).then().statusCode(204);
    create(receiver.url(), List.of("referral.submitted")).statusCode(201); // room again
    // Another agency's count is its own.
    Api.as(Tokens.partner(Agencies.police()))
        .body(Map.of("url", receiver.url(), "events", List.of("referral.submitted")))
        .post("/api/v1/webhooks")
        .then()
        .statusCode(201);
  }

  @Test
  void catchesUpAfterTheReceiverWasDown() throws Exception {
    String webhook = subscribe(List.of("referral.submitted"));
    receiver.down();
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    awaitDeliveries(webhook, d -> d.getInt("[0].attempts") >= 2);
    Api.as(partner)
        .get("/api/v1/webhooks/" + webhook + "/deliveries")
        .then()
        .body("[0].status", equalTo("PENDING"))
        .body("[0].lastStatusCode", equalTo(503))
        .body("[0].nextAttemptAt", not(nullValue()))
        .body("[0].attemptLog[0].statusCode", equalTo(503));
    receiver.up();
    receiver.await(r -> r.size() == 1, PATIENCE);
    assertEquals(id, receiver.received().get(0).event().path("referralId").asText());
    awaitDeliveries(webhook, d -> "DELIVERED".equals(d.getString("[0].status")));
    Api.as(partner)
        .get("/api/v1/webhooks/" + webhook + "/deliveries")
        .then()
        .body("[0].attempts", greaterThanOrEqualTo(3))
        .body("[0].lastStatusCode", equalTo(204))
        .body("[0].attemptLog.statusCode", hasItem(503));
  }

  @Test
  void signsWithTheOldAndTheNewSecretForADayAfterRotation() throws Exception {
    String webhook = subscribe(List.of("referral.submitted"));
    String rotated =
        Api.as(partner)
            .post("/api/v1/webhooks/" + webhook + "/rotate-secret")
            .then()
            .statusCode(200)
            .body("secret", startsWith("whsec_"))
            .body("previousSecretExpiresAt", not(nullValue()))
            .extract()
            .path("secret");
    receiver.trust(rotated);
    Referrals.submit(agency, Referrals.anAdultReferral());
    WebhookReceiver.Received r = receiver.await(got -> got.size() == 1, PATIENCE).get(0);
    assertEquals(2, r.signedWith().size(), "signed with both secrets");
    assertThat(r.signedWith(), hasItem(rotated));
  }

  @Test
  void neverDeliversAChangeThatWasRolledBack() throws Exception {
    String webhook = subscribe(List.of("agency.revised"));
    QuarkusTransaction.begin();
    audit.append(AuditEvent.of(Action.AGENCY_REVISED).agency(agency).detail("name", "rolled back"));
    QuarkusTransaction.rollback();
    Api.as(Tokens.admin())
        .body(Map.of("name", "Renamed for real"))
        .patch("/api/v1/agencies/" + agency)
        .then()
        .statusCode(200);
    receiver.await(r -> r.size() == 1, PATIENCE);
    // The revision was fanned out after the rolled-back append: had that been queued, it would
    // stand before it in the delivery log.
    awaitDeliveries(webhook, page -> allDelivered(page, 1));
    List<WebhookReceiver.Received> got = receiver.received();
    assertEquals(1, got.size());
    assertEquals("Renamed for real", got.get(0).event().path("details").path("name").asText());
  }

  @Test
  void refusesUnsafeTargetsAndUnknownEvents() {
    create("http://partner.example/hook", List.of("referral.submitted"))
        .statusCode(422)
        .body("violations.field", contains("url"));
    for (String internal :
        List.of(
            "https://10.0.0.8/hook", "https://169.254.169.254/latest", "https://192.168.1.1/")) {
      create(internal, List.of("referral.submitted"))
          .statusCode(422)
          .body(
              "violations[0].message",
              equalTo("must not point into a private, loopback or link-local network"));
    }
    create(receiver.url(), List.of("referral.exploded"))
        .statusCode(422)
        .body("violations.field", contains("events[0]"));
    create(receiver.url(), List.of()).statusCode(422);
    Api.as(Tokens.caseworker()).get("/api/v1/webhooks").then().statusCode(403);
    Api.as(Tokens.analyst()).get("/api/v1/webhooks").then().statusCode(403);
  }

  @Test
  void keepsEachAgencysSubscriptionsToItself() {
    String webhook = subscribe(List.of("referral.submitted"));
    String other = Tokens.partner(Agencies.police());
    Api.as(other).get("/api/v1/webhooks/" + webhook).then().statusCode(404);
    Api.as(other).delete("/api/v1/webhooks/" + webhook).then().statusCode(404);
    Api.as(other).get("/api/v1/webhooks/" + webhook + "/deliveries").then().statusCode(404);
    Api.as(other).get("/api/v1/webhooks").then().statusCode(200).body("size()", equalTo(0));
    Api.as(partner)
        .get("/api/v1/webhooks")
        .then()
        .statusCode(200)
        .body("id", contains(webhook))
        .body("[0].secret", nullValue());
    Api.as(partner).delete("/api/v1/webhooks/" + webhook).then().statusCode(204);
    Api.as(partner).get("/api/v1/webhooks/" + webhook).then().statusCode(404);
  }

  @Test
  void redeliversADeliveredEventOnRequest() throws Exception {
    String webhook = subscribe(List.of("referral.submitted"));
    Referrals.submit(agency, Referrals.anAdultReferral());
    receiver.await(r -> r.size() == 1, PATIENCE);
    awaitDeliveries(webhook, d -> "DELIVERED".equals(d.getString("[0].status")));
    String delivery =
        Api.as(partner)
            .get("/api/v1/webhooks/" + webhook + "/deliveries")
            .then()
            .extract()
            .path("[0].id");
    Api.as(partner)
        .post("/api/v1/webhooks/" + webhook + "/deliveries/" + delivery + "/redeliver")
        .then()
        .statusCode(202);
    List<WebhookReceiver.Received> got = receiver.await(r -> r.size() == 2, PATIENCE);
    assertEquals(
        got.get(0).webhookId(), got.get(1).webhookId(), "the same webhook-id: receivers dedupe");
  }

  private String subscribe(List<String> events) {
    String secret =
        create(receiver.url(), events)
            .statusCode(201)
            .body("secret", startsWith("whsec_"))
            .extract()
            .path("secret");
    receiver.trust(secret);
    return Api.as(partner).get("/api/v1/webhooks").then().extract().path("[0].id");
  }

  private io.restassured.response.ValidatableResponse create(String url, List<String> events) {
    return Api.as(partner)
        .body(Map.of("url", url, "events", events))
        .post("/api/v1/webhooks")
        .then();
  }

  private void awaitDeliveries(String webhook, java.util.function.Predicate<JsonPath> done) {
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                Api.as(partner)
                    .get("/api/v1/webhooks/" + webhook + "/deliveries")
                    .then()
                    .extract()
                    .jsonPath(),
            page -> !page.getList("$").isEmpty() && done.test(page));
  }

  private static boolean allDelivered(JsonPath page, int count) {
    List<String> statuses = page.getList("status");
    return statuses.size() == count && statuses.stream().allMatch("DELIVERED"::equals);
  }
}
