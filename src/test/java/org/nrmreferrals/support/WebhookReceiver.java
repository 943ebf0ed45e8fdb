package org.nrmreferrals.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A partner's webhook endpoint on loopback: it checks every Standard Webhooks signature against the
 * secrets it was given and keeps what it received; it can be taken down (503) and brought back.
 */
public final class WebhookReceiver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One accepted delivery: its headers' id, the event, and which secrets signed it. */
  public record Received(String webhookId, JsonNode event, List<String> signedWith) {}

  private final HttpServer server;
  private final List<String> secrets = new CopyOnWriteArrayList<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicInteger badSignatures = new AtomicInteger();
  private volatile boolean up = true;

  public WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          int status;
          if (!up) {
            refused.incrementAndGet();
            status = 503;
          } else {
            status =
                accept(
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(body, StandardCharsets.UTF_8));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  public void trust(String secret) {
    secrets.add(secret);
  }

  public void down() {
    up = false;
  }

  public void up() {
    up = true;
  }

  public List<Received> received() {
    return new ArrayList<>(received);
  }

  public int refused() {
    return refused.get();
  }

  public int badSignatures() {
    return badSignatures.get();
  }

  /** Waits until the received events satisfy the condition, or fails after the timeout. */
  public List<Received> await(Predicate<List<Received>> done, Duration timeout)
      throws InterruptedException {
    try {
      return Awaitility.await()
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(100))
          .until(this::received, done);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "the receiver did not get what was expected; it has " + received(), e);
    }
  }

  private int accept(String id, String timestamp, String signatures, String body) {
    List<String> matched = new ArrayList<>();
    if (id != null && timestamp != null && signatures != null) {
      for (String secret : secrets) {
        String expected = sign(secret, id + "." + timestamp + "." + body);
        for (String candidate : signatures.split(" ")) {
          if (candidate.equals(expected)) {
            matched.add(secret);
          }
        }
      }
    }
    if (matched.isEmpty()) {
      badSignatures.incrementAndGet();
      return 401;
    }
    try {
      received.add(new Received(id, JSON.readTree(body), matched));
      return 204;
    } catch (IOException e) {
      return 400;
    }
  }

  /** Standard Webhooks: v1, base64 HMAC-SHA256 keyed with the base64 part of whsec_... */
  private static String sign(String secret, String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
      return "v1,"
          + Base64.getEncoder()
              .encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
