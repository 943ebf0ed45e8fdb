package org.nrmreferrals.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.client.api.FeedApi;
import org.nrmreferrals.client.api.ReferralsApi;
import org.nrmreferrals.client.api.WebhooksApi;
import org.nrmreferrals.client.model.AgeAtExploitation;
import org.nrmreferrals.client.model.AgeGroup;
import org.nrmreferrals.client.model.AuditEvent;
import org.nrmreferrals.client.model.Consent;
import org.nrmreferrals.client.model.CreateWebhookRequest;
import org.nrmreferrals.client.model.EventPage;
import org.nrmreferrals.client.model.Exploitation;
import org.nrmreferrals.client.model.ExploitationLocation;
import org.nrmreferrals.client.model.ExploitationType;
import org.nrmreferrals.client.model.Gender;
import org.nrmreferrals.client.model.Jurisdiction;
import org.nrmreferrals.client.model.PotentialVictim;
import org.nrmreferrals.client.model.Referral;
import org.nrmreferrals.client.model.ReferralKind;
import org.nrmreferrals.client.model.SubmitReferralRequest;
import org.nrmreferrals.client.model.Webhook;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Sequenced;
import org.nrmreferrals.support.TestClock;
import org.nrmreferrals.support.Tokens;

/**
 * What a partner's system does, written with the Java client generated from openapi/openapi.yaml at
 * build time (org.nrmreferrals.client): submit a referral with an idempotency key, read it, follow
 * the change feed, and verify a webhook's signature. A contract change that breaks such a client
 * breaks this test, and the build.
 */
@QuarkusTest
class PartnerExampleTest {
  @TestHTTPResource("/")
  URI service;

  @Test
  void aPartnerSubmitsReadsFollowsTheFeedAndVerifiesAWebhookWithTheGeneratedClient()
      throws Exception {
    String agency = Agencies.police();
    ApiClient client = new ApiClient();
    client.updateBaseUri(service.toString().replaceAll("/$", ""));
    String token = Tokens.partner(agency); // in production, from the partner's identity provider
    client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));

    // A webhook first, to a receiver of the partner's own (here: on loopback).
    BlockingQueue<Delivery> deliveries = new ArrayBlockingQueue<>(10);
    HttpServer receiver = receiver(deliveries);
    try {
      Webhook webhook =
          new WebhooksApi(client)
              .createWebhook(
                  new CreateWebhookRequest()
                      .url("http://127.0.0.1:" + receiver.getAddress().getPort() + "/nrm")
                      .events(List.of("referral.submitted")));

      // Submit, with an idempotency key: a retry after a lost answer returns the same referral.
      ReferralsApi referrals = new ReferralsApi(client);
      String idempotencyKey = UUID.randomUUID().toString();
      Referral submitted = referrals.submitReferral(aReferral(), idempotencyKey);
      Referral retried = referrals.submitReferral(aReferral(), idempotencyKey);
      assertEquals(submitted.getId(), retried.getId());
      assertEquals("PARTNER-EXAMPLE-1", submitted.getExternalReference());

      Referral read = referrals.getReferral(submitted.getId().toString(), null);
      assertEquals("Example", read.getPotentialVictim().getFamilyName());
      assertEquals(submitted.getReference(), read.getReference());

      // Follow the feed from the start until the submission is seen, keeping the cursor.
      Sequenced.now();
      FeedApi feed = new FeedApi(client);
      String cursor = null;
      AuditEvent seen = null;
      for (int pages = 0; seen == null && pages < 100; pages++) {
        EventPage page = feed.listEvents(cursor, 100, null);
        seen =
            page.getEvents().stream()
                .filter(e -> submitted.getId().equals(e.getReferralId()))
                .filter(e -> "referral.submitted".equals(e.getAction()))
                .findFirst()
                .orElse(null);
        if (page.getEvents().isEmpty()) {
          break;
        }
        cursor = page.getNextCursor();
      }
      assertTrue(seen != null, "the feed shows the submission");

      // The webhook: verify its signature with the secret shown once at creation.
      Delivery delivery = deliveries.poll(20, TimeUnit.SECONDS);
      assertTrue(delivery != null, "a webhook arrived");
      assertTrue(
          verify(webhook.getSecret(), delivery, now(), Duration.ofMinutes(5)),
          "the signature verifies with the secret");
      assertTrue(delivery.body().contains(submitted.getId().toString()));
      Delivery tampered =
          new Delivery(
              delivery.id(), delivery.timestamp(), delivery.body() + " ", delivery.signature());
      assertTrue(!verify(webhook.getSecret(), tampered, now(), Duration.ofMinutes(5)));
    } finally {
      receiver.stop(0);
    }
  }

  /** The partner's clock; here the test service's, which the tests may move. */
  private static long now() {
    return TestClock.now().getEpochSecond();
  }

  private static SubmitReferralRequest aReferral() {
    return new SubmitReferralRequest()
        .kind(ReferralKind.NRM)
        .jurisdiction(Jurisdiction.ENGLAND_AND_WALES)
        .externalReference("PARTNER-EXAMPLE-1")
        .potentialVictim(
            new PotentialVictim()
                .givenName("Ana")
                .familyName("Example")
                .dateOfBirth(LocalDate.of(1999, 4, 2))
                .gender(Gender.FEMALE)
                .nationalities(List.of("AL"))
                .countryOfOrigin("AL"))
        .ageAtExploitation(AgeAtExploitation.ADULT)
        .ageGroupAtReferral(AgeGroup.ADULT)
        .exploitation(
            new Exploitation()
                .types(List.of(ExploitationType.LABOUR))
                .countyLines(false)
                .location(ExploitationLocation.UK)
                .policeForce("METROPOLITAN"))
        .indicators(List.of("DEBT_BONDAGE"))
        .consent(new Consent().referral(true).support(true).policeContact(false))
        .account("Found at a car wash on a welfare visit.");
  }

  /** One webhook as received: the Standard Webhooks headers and the raw body. */
  record Delivery(String id, String timestamp, String body, String signature) {}

  private static HttpServer receiver(BlockingQueue<Delivery> deliveries) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/nrm",
        exchange -> {
          var headers = exchange.getRequestHeaders();
          deliveries.offer(
              new Delivery(
                  headers.getFirst("webhook-id"),
                  headers.getFirst("webhook-timestamp"),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                  headers.getFirst("webhook-signature")));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
    return server;
  }

  /**
   * How a partner verifies a delivery (Standard Webhooks): HMAC-SHA256 over "id.timestamp.body"
   * with the base64 key after "whsec_", compared in constant time with each "v1," signature in the
   * header, and a timestamp within the tolerance.
   */
  static boolean verify(String secret, Delivery d, long nowSeconds, Duration tolerance)
      throws Exception {
    long age = Math.abs(nowSeconds - Long.parseLong(d.timestamp()));
    if (age > tolerance.toSeconds()) {
      return false;
    }
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    byte[] expected =
        mac.doFinal(
            (d.id() + "." + d.timestamp() + "." + d.body()).getBytes(StandardCharsets.UTF_8));
    for (String signature : d.signature().split(" ")) {
      if (signature.startsWith("v1,")
          && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
        return true;
      }
    }
    return false;
  }
}
