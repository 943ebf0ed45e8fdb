package org.nrmreferrals.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner's webhook endpoint across a {@code kill -9} of the service (bench/faults, "webhook").
 * It subscribes, refuses deliveries with 503 while the service retries, and writes {@code
 * retrying} into the folder; bench/faults then kills the service, writes {@code up} and starts it
 * again. The endpoint then accepts, checks each Standard Webhooks signature, and writes {@code
 * webhook.json}: whether the delivery owed before the kill arrived after the restart.
 *
 * <p>Arguments: service URL, partner token file, folder.
 */
public final class OwedWebhook {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String token = Files.readString(Path.of(args[1])).trim();
    Path dir = Path.of(args[2]);
    Path up = dir.resolve("up");
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger badSignatures = new AtomicInteger();
    AtomicReference<String> secret = new AtomicReference<>();
    AtomicReference<String> referral = new AtomicReference<>();
    AtomicReference<Long> deliveredAt = new AtomicReference<>();

    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status;
          if (!Files.exists(up)) {
            refused.incrementAndGet();
            status = 503;
          } else if (!signed(secret.get(), exchange.getRequestHeaders().getFirst("webhook-id"),
              exchange.getRequestHeaders().getFirst("webhook-timestamp"),
              exchange.getRequestHeaders().getFirst("webhook-signature"), body)) {
            badSignatures.incrementAndGet();
            status = 401;
          } else {
            JsonNode event = JSON.readTree(body);
            if (event.path("referralId").asText().equals(referral.get())) {
              deliveredAt.compareAndSet(null, System.currentTimeMillis());
            }
            status = 204;
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    HttpClient http = HttpClient.newHttpClient();
    try {
      String hook = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
      JsonNode created =
          send(http, base + "/api/v1/webhooks", token,
              JSON.writeValueAsString(Map.of("url", hook, "events", new String[] {"referral.submitted"})));
      secret.set(created.path("secret").asText());
      JsonNode submitted = send(http, base + "/api/v1/referrals", token, referralBody());
      referral.set(submitted.path("id").asText());
      long deadline = System.currentTimeMillis() + 60_000;
      while (refused.get() < 2 && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      Files.writeString(dir.resolve("retrying"), Integer.toString(refused.get()));
      while (!Files.exists(up) && System.currentTimeMillis() < deadline + 60_000) {
        Thread.sleep(50);
      }
      long upAt = System.currentTimeMillis();
      while (deliveredAt.get() == null && System.currentTimeMillis() < upAt + 120_000) {
        Thread.sleep(50);
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("refusedBeforeKill", Integer.parseInt(Files.readString(dir.resolve("retrying"))));
      result.put("deliveredAfterRestart", deliveredAt.get() != null);
      result.put("secondsFromRestartToDelivery",
          deliveredAt.get() == null ? null : (deliveredAt.get() - upAt) / 1000.0);
      result.put("badSignatures", badSignatures.get());
      Files.writeString(dir.resolve("webhook.json"), JSON.writeValueAsString(result));
      System.out.println(JSON.writeValueAsString(result));
    } finally {
      server.stop(0);
    }
  }

  private static JsonNode send(HttpClient http, String url, String token, String body)
      throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** Standard Webhooks: v1, base64 HMAC-SHA256 keyed with the base64 part of whsec_... */
  private static boolean signed(String secret, String id, String timestamp, String signatures, String body) {
    if (secret == null || id == null || timestamp == null || signatures == null) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
      String expected = "v1," + Base64.getEncoder().encodeToString(
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
      for (String candidate : signatures.split(" ")) {
        if (candidate.equals(expected)) {
          return true;
        }
      }
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  private static String referralBody() {
    return "{\"kind\":\"NRM\",\"jurisdiction\":\"ENGLAND_AND_WALES\",\"externalReference\":\"WEBHOOK-1\","
        + "\"potentialVictim\":{\"givenName\":\"Mihai\",\"familyName\":\"Popescu\","
        + "\"dateOfBirth\":\"1990-01-12\",\"gender\":\"MALE\",\"nationalities\":[\"RO\"],"
        + "\"countryOfOrigin\":\"RO\",\"languages\":[\"ro\"],\"interpreterNeeded\":true},"
        + "\"ageAtExploitation\":\"ADULT\",\"exploitation\":{\"types\":[\"LABOUR\"],"
        + "\"countyLines\":false,\"location\":\"UK\",\"policeForce\":\"METROPOLITAN\"},"
        + "\"indicators\":[\"DEBT_BONDAGE\"],"
        + "\"consent\":{\"referral\":true,\"support\":true,\"policeContact\":false},"
        + "\"account\":\"Found at a car wash on a welfare visit.\"}";
  }
}
