package org.nrmreferrals.webhook;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.SecondInstance;
import org.nrmreferrals.support.Sequenced;
import org.nrmreferrals.support.Tokens;
import org.nrmreferrals.support.WebhookReceiver;

/** Giving up: with a one-second retry window, a dead receiver fails and disables its webhook. */
@QuarkusTest
@TestProfile(SecondInstance.class)
class WebhookFailureTest {

  /** Retries for one second; one failed delivery disables a subscription. */
  @Test
  void failsAfterTheRetryWindowDisablesTheWebhookAndRedeliversOnRequest() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      String agency = Agencies.police();
      String partner = Tokens.partner(agency);
      String secret =
          Api.as(partner)
              .body(Map.of("url", receiver.url(), "events", List.of("referral.submitted")))
              .post("/api/v1/webhooks")
              .then()
              .statusCode(201)
              .extract()
              .path("secret");
      receiver.trust(secret);
      String webhook = Api.as(partner).get("/api/v1/webhooks").then().extract().path("[0].id");
      receiver.down();
      String first = Referrals.submit(agency, Referrals.anAdultReferral());

      JsonPath log = await(partner, webhook, p -> "FAILED".equals(p.getString("[0].status")));
      assertEquals(503, log.getInt("[0].lastStatusCode"));
      Api.as(partner)
          .get("/api/v1/webhooks/" + webhook)
          .then()
          .body("active", equalTo(false))
          .body("disabledReason", startsWith("disabled after 1 failed deliveries"));
      Sequenced.now();
      Api.as(partner)
          .get("/api/v1/events?limit=1000")
          .then()
          .body("events.action", hasItem("webhook.disabled"));

      String second = Referrals.submit(agency, Referrals.anAdultReferral());
      receiver.up();
      Api.as(partner)
          .post(
              "/api/v1/webhooks/"
                  + webhook
                  + "/deliveries/"
                  + log.getString("[0].id")
                  + "/redeliver")
          .then()
          .statusCode(202);
      Api.as(partner).get("/api/v1/webhooks/" + webhook).then().body("active", equalTo(true));
      List<WebhookReceiver.Received> got =
          receiver.await(r -> r.size() == 2, Duration.ofSeconds(20));
      Set<String> referrals =
          got.stream().map(r -> r.event().path("referralId").asText()).collect(Collectors.toSet());
      assertEquals(
          Set.of(first, second), referrals, "the failed one again, and what came while disabled");
    }
  }

  private static JsonPath await(
      String partner, String webhook, java.util.function.Predicate<JsonPath> done) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(20))
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
}
