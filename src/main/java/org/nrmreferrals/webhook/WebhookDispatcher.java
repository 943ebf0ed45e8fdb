package org.nrmreferrals.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.audit.AuditEventView;
import org.nrmreferrals.audit.AuditQueries;

/**
 * Sends webhooks. Each tick turns new audit events into deliveries (per subscription, from its
 * cursor up to the chain's committed head) and sends the due ones, at most {@code concurrency} at a
 * time, on its own threads: intake never waits for a receiver. A claimed delivery is leased, so one
 * cut off by a crash is tried again; deliveries of one referral go out in event order.
 */
@ApplicationScoped
class WebhookDispatcher {
  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

  /** Beyond the longest a send can take, so a lease only runs out when its sender died. */
  private static final Duration LEASE_MARGIN = Duration.ofSeconds(15);

  private final WebhookOutbox outbox;
  private final AuditQueries events;
  private final ObjectMapper json;
  private final Clock clock;
  private final NrmConfig.Webhooks settings;
  private final WebhookPoster poster;
  private final ExecutorService senders;

  WebhookDispatcher(
      WebhookOutbox outbox,
      AuditQueries events,
      ObjectMapper json,
      Clock clock,
      NrmConfig config,
      Vertx vertx) {
    this.outbox = outbox;
    this.events = events;
    this.json = json;
    this.clock = clock;
    this.settings = config.webhooks();
    this.poster =
        new WebhookPoster(
            vertx, settings.connectTimeout(), settings.readTimeout(), settings.concurrency());
    this.senders = Executors.newFixedThreadPool(settings.concurrency());
  }

  void check(@Observes StartupEvent event) {
    if (LaunchMode.current() == LaunchMode.NORMAL) {
      if (settings.giveUpAfter().compareTo(Duration.ofHours(24)) < 0) {
        throw new IllegalStateException(
            "Refusing to start: nrm.webhooks.give-up-after must be at least 24 hours.");
      }
      if (settings.allowLoopbackHttp()) {
        LOG.warn("nrm.webhooks.allow-loopback-http is on: for tests only, never in production.");
      }
    }
  }

  void stop(@Observes ShutdownEvent event) {
    senders.shutdownNow();
    poster.close();
  }

  @Scheduled(
      every = "${nrm.webhooks.poll-every}",
      delayed = "1s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() throws InterruptedException {
    QuarkusTransaction.requiringNew().run(() -> outbox.fanOut(clock.instant()));
    List<WebhookOutbox.Due> due =
        QuarkusTransaction.requiringNew()
            .call(() -> outbox.claim(clock.instant(), lease(), settings.concurrency()));
    List<Future<?>> sending = new ArrayList<>();
    for (WebhookOutbox.Due d : due) {
      sending.add(senders.submit(() -> send(d)));
    }
    for (Future<?> f : sending) {
      try {
        f.get();
      } catch (ExecutionException e) {
        LOG.error("A webhook delivery failed unexpectedly", e.getCause());
      }
    }
  }

  private void send(WebhookOutbox.Due d) {
    Instant started = clock.instant();
    Integer status = null;
    String error = null;
    try {
      // Resolved once here; the post connects to these addresses and resolves nothing again.
      WebhookTargets.Checked target =
          WebhookTargets.check(d.url(), settings.allowLoopbackHttp(), InetAddress::getAllByName);
      if (target.refusal() != null) {
        error = "target refused: " + target.refusal();
      } else {
        status = post(d, target, body(d));
      }
    } catch (java.io.IOException e) {
      error = failure(e);
      LOG.infof("Webhook delivery %s failed: %s", d.deliveryId(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    int millis = (int) Duration.between(started, clock.instant()).toMillis();
    Instant now = clock.instant();
    Integer code = status;
    String why = error;
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                outbox.record(
                    d,
                    code,
                    why,
                    millis,
                    now,
                    backoff(d.attempts() + 1),
                    settings.disableAfterFailedDeliveries()));
  }

  private String body(WebhookOutbox.Due d) throws JsonProcessingException {
    AuditEventView event =
        QuarkusTransaction.requiringNew().call(() -> events.event(d.eventSeq(), d.agencyCode()));
    return json.writeValueAsString(event);
  }

  private int post(WebhookOutbox.Due d, WebhookTargets.Checked target, String body)
      throws java.io.IOException, InterruptedException {
    long timestamp = clock.instant().getEpochSecond();
    String id = d.deliveryId().toString();
    String signature = WebhookSignatures.sign(d.secret(), id, timestamp, body);
    if (d.previousSecret() != null) {
      signature += " " + WebhookSignatures.sign(d.previousSecret(), id, timestamp, body);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("User-Agent", "nrm-referrals-webhooks");
    headers.put("webhook-id", id);
    headers.put("webhook-timestamp", Long.toString(timestamp));
    headers.put("webhook-signature", signature);
    return poster.post(target, headers, body);
  }

  /**
   * What a partner is told of a failed attempt: a kind of failure, never the exception's own text
   * (which can name internal hosts, addresses, proxies or timings); operators find that in the log.
   */
  static String failure(java.io.IOException e) {
    if (e instanceof java.net.http.HttpConnectTimeoutException) {
      return "connection timed out";
    }
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "no response in time";
    }
    if (e instanceof javax.net.ssl.SSLException) {
      return "TLS handshake failed";
    }
    if (e instanceof java.net.ConnectException) {
      return "connection refused";
    }
    return "connection failed";
  }

  /** How long a claimed delivery is held: the connect and read timeouts plus a margin. */
  private Duration lease() {
    return settings.connectTimeout().plus(settings.readTimeout()).plus(LEASE_MARGIN);
  }

  /** Exponential from the initial delay, capped, with jitter between half and all of it. */
  Duration backoff(int attempt) {
    long initial = settings.retryInitialDelay().toMillis();
    long cap = settings.retryMaxDelay().toMillis();
    long exponential = initial << Math.min(attempt - 1, 30);
    long delay = Math.min(cap, exponential <= 0 ? cap : exponential);
    return Duration.ofMillis(delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
  }
}
