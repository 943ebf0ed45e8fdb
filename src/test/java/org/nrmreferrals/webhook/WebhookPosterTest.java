package org.nrmreferrals.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A webhook goes to the address its URL was checked with, whatever the name resolves to later (DNS
 * rebinding): two receivers listen on one port of 127.0.0.1 and 127.0.0.2, and the name resolves to
 * the second when checked and to the first after. Plain JUnit with a Vert.x of its own: no service
 * is needed.
 */
class WebhookPosterTest {
  private Vertx vertx;
  private WebhookPoster poster;
  private final List<HttpServer> servers = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    poster = new WebhookPoster(vertx, Duration.ofSeconds(2), Duration.ofSeconds(2), 2);
  }

  @AfterEach
  void stop() {
    poster.close();
    servers.forEach(s -> s.stop(0));
    vertx.close();
  }

  @Test
  void connectsToTheCheckedAddressAndNotWhereTheNameResolvesLater() throws Exception {
    Receiver checked = new Receiver("127.0.0.2", 0, 204);
    Receiver internal = new Receiver("127.0.0.1", checked.port, 204);
    AtomicInteger lookups = new AtomicInteger();
    WebhookTargets.Resolver rebinding =
        host -> {
          // The first answer passes the check; every later one points inside.
          String address = lookups.getAndIncrement() == 0 ? "127.0.0.2" : "127.0.0.1";
          return new InetAddress[] {InetAddress.getByName(address)};
        };
    WebhookTargets.Checked target =
        WebhookTargets.check("http://rebind.invalid:" + checked.port + "/hook", true, rebinding);

    int status = poster.post(target, Map.of("webhook-id", "d1"), "{}");

    assertEquals(204, status);
    assertEquals(1, checked.hosts.size(), "the checked address got the delivery");
    assertEquals("rebind.invalid:" + checked.port, checked.hosts.get(0), "Host is the URL's");
    assertEquals(0, internal.hosts.size(), "nothing reached the address the name moved to");
    assertEquals(1, lookups.get(), "the name was resolved once, by the check");
  }

  @Test
  void triesTheNextCheckedAddressWhenOneRefusesTheConnection() throws Exception {
    Receiver second = new Receiver("127.0.0.2", 0, 202);
    WebhookTargets.Checked target =
        WebhookTargets.check(
            "http://two.invalid:" + second.port + "/hook",
            true,
            host ->
                new InetAddress[] {
                  InetAddress.getByName("127.0.0.3"), InetAddress.getByName("127.0.0.2")
                });

    assertEquals(202, poster.post(target, Map.of(), "{}"));
    assertEquals(1, second.hosts.size());
  }

  @Test
  void aRefusedConnectionAndARedirectAreWhatTheyAre() throws Exception {
    int closed;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closed = free.getLocalPort();
    }
    WebhookTargets.Checked nobody =
        WebhookTargets.check("http://127.0.0.1:" + closed + "/hook", true, loopback());
    IOException refused = assertThrows(IOException.class, () -> poster.post(nobody, Map.of(), ""));
    assertEquals("connection refused", WebhookDispatcher.failure(refused));

    Receiver redirecting = new Receiver("127.0.0.1", 0, 302);
    WebhookTargets.Checked moved =
        WebhookTargets.check("http://127.0.0.1:" + redirecting.port + "/hook", true, loopback());
    assertEquals(302, poster.post(moved, Map.of(), "{}"), "a redirect is not followed");
  }

  @Test
  void aNameThatResolvesInsideIsRefusedBeforeAnyConnection() {
    WebhookTargets.Checked target =
        WebhookTargets.check(
            "https://partner.invalid/hook",
            false,
            host -> new InetAddress[] {InetAddress.getByName("10.1.2.3")});
    assertTrue(target.addresses().isEmpty());
    assertEquals("must not point into a private, loopback or link-local network", target.refusal());
  }

  private static WebhookTargets.Resolver loopback() {
    return host -> {
      if (!host.equals("127.0.0.1")) {
        throw new UnknownHostException(host);
      }
      return new InetAddress[] {InetAddress.getByName(host)};
    };
  }

  /** An HTTP receiver on one address that answers every request with one status. */
  private final class Receiver {
    final int port;
    final List<String> hosts = new CopyOnWriteArrayList<>();

    Receiver(String address, int port, int status) throws IOException {
      HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
      server.createContext(
          "/",
          exchange -> {
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.getRequestBody().readAllBytes();
            if (status == 302) {
              exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
          });
      server.start();
      servers.add(server);
      this.port = server.getAddress().getPort();
    }
  }
}
