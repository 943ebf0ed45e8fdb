package org.nrmreferrals.webhook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Tokens;
import org.nrmreferrals.support.WebhookReceiver;

/**
 * What administrators do with any agency's webhooks (list, disable, enable), and secrets stored
 * only sealed: those an earlier release stored in clear are sealed at start-up and still sign.
 */
@QuarkusTest
class WebhookAdministrationTest {
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @Inject EntityManager em;
  @Inject WebhookSecrets secrets;

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
  void anAdministratorDisablesAWebhookThatOnlyAnAdministratorEnablesAgain() throws Exception {
    String webhook = subscribe(partner, receiver);
    Referrals.submit(agency, Referrals.anAdultReferral());
    receiver.await(r -> r.size() == 1, PATIENCE);
    String delivered = deliveredOnce(webhook);
    String listed =
        Api.as(Tokens.admin())
            .get("/api/v1/admin/webhooks?agency=" + agency)
            .then()
            .statusCode(200)
            .body("id", equalTo(List.of(webhook)))
            .body("[0].agency", equalTo(agency))
            .body("[0].active", equalTo(true))
            .extract()
            .asString();
    assertFalse(listed.contains("whsec_"), "an administrator never sees a secret");

    disable(webhook, "Its receiver was compromised")
        .statusCode(200)
        .body("active", equalTo(false))
        .body("disabledByAdmin", equalTo(true));
    disable(webhook, "Again").statusCode(409);
    Api.as(partner)
        .get("/api/v1/webhooks/" + webhook)
        .then()
        .body("active", equalTo(false))
        .body("disabledReason", containsString("Its receiver was compromised"));
    // A partner's redelivery re-enables a webhook disabled after failures, not this one.
    Api.as(partner)
        .post("/api/v1/webhooks/" + webhook + "/deliveries/" + delivered + "/redeliver")
        .then()
        .statusCode(409)
        .body("detail", containsString("administrator"));
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    // Nothing may arrive while it is disabled: another agency's webhook gets two later events,
    // each in a later poll of the dispatcher, which would have sent this one too.
    try (WebhookReceiver control = new WebhookReceiver()) {
      String other = Agencies.police();
      subscribe(Tokens.partner(other), control);
      for (int polls = 1; polls <= 2; polls++) {
        int seen = polls;
        Referrals.submit(other, Referrals.anAdultReferral());
        control.await(r -> r.size() == seen, PATIENCE);
      }
    }
    assertEquals(1, receiver.received().size(), "nothing is sent while it is disabled");

    Api.as(Tokens.admin())
        .post("/api/v1/admin/webhooks/" + webhook + "/enable")
        .then()
        .statusCode(200)
        .body("active", equalTo(true))
        .body("disabledByAdmin", equalTo(false));
    Api.as(Tokens.admin())
        .post("/api/v1/admin/webhooks/" + webhook + "/enable")
        .then()
        .statusCode(409);
    receiver.await(r -> r.size() == 2, PATIENCE);
    assertEquals(id, receiver.received().get(1).event().path("referralId").asText());
    Api.as(Tokens.admin())
        .post("/api/v1/admin/webhooks/" + UUID.randomUUID() + "/enable")
        .then()
        .statusCode(404);
    disable(webhook, " ").statusCode(422).body("violations.field", hasItem("reason"));
  }

  @Test
  void secretsAreStoredSealedAndThoseStoredInClearAreSealedAtStartUp() throws Exception {
    String webhook = subscribe(partner, receiver);
    Object[] row = secretColumns(webhook);
    assertNull(row[0], "no secret in clear");
    assertNotNull(row[1]);
    assertFalse(
        new String((byte[]) row[1], StandardCharsets.ISO_8859_1).contains("whsec_"),
        "the sealed secret is not the secret");

    // As a release before V28 stored it: in clear, not sealed.
    String legacy = WebhookSignatures.newSecret();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "update webhook_subscription set secret = ?1, secret_sealed = null,"
                            + " secret_kek = null where id = ?2")
                    .setParameter(1, legacy)
                    .setParameter(2, UUID.fromString(webhook))
                    .executeUpdate());
    secrets.sealAtStartup(null);
    row = secretColumns(webhook);
    assertNull(row[0]);
    assertNotNull(row[1]);
    receiver.trust(legacy);
    Referrals.submit(agency, Referrals.anAdultReferral());
    WebhookReceiver.Received got = receiver.await(r -> r.size() == 1, PATIENCE).get(0);
    assertThat(got.signedWith(), hasItem(legacy));
    assertEquals(0, receiver.badSignatures());
    assertThat(secrets.underEarlierKeys(), equalTo(0L));
    assertEquals(secrets.kekId(), row[2], "sealed by the current key-encryption key");
  }

  private Object[] secretColumns(String webhook) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (Object[])
                    em.createNativeQuery(
                            "select secret, secret_sealed, secret_kek from webhook_subscription"
                                + " where id = ?1")
                        .setParameter(1, UUID.fromString(webhook))
                        .getSingleResult());
  }

  private static String subscribe(String token, WebhookReceiver to) {
    var created =
        Api.as(token)
            .body(Map.of("url", to.url(), "events", List.of("referral.submitted")))
            .post("/api/v1/webhooks")
            .then()
            .statusCode(201)
            .extract();
    to.trust(created.path("secret"));
    return created.path("id");
  }

  private static io.restassured.response.ValidatableResponse disable(
      String webhook, String reason) {
    return Api.as(Tokens.admin())
        .body(Map.of("reason", reason))
        .post("/api/v1/admin/webhooks/" + webhook + "/disable")
        .then();
  }

  /** The id of the webhook's one delivery, once it is recorded as delivered. */
  private String deliveredOnce(String webhook) {
    return Awaitility.await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                Api.as(partner)
                    .get("/api/v1/webhooks/" + webhook + "/deliveries")
                    .then()
                    .extract()
                    .jsonPath(),
            page -> "DELIVERED".equals(page.getString("[0].status")))
        .getString("[0].id");
  }
}
