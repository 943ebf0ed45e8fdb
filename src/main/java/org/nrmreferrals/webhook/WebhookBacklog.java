package org.nrmreferrals.webhook;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.nrmreferrals.audit.AuditQueries;

/**
 * The webhook backlog as Prometheus gauges, read from the database every 15 seconds (not at each
 * scrape, so a scrape never waits on the database): deliveries pending, the age of the oldest, and
 * how many audit events the slowest active subscription has yet to turn into deliveries. The
 * figures are the whole database's, the same from every replica.
 */
@Startup
@ApplicationScoped
class WebhookBacklog {
  private static final Logger LOG = Logger.getLogger(WebhookBacklog.class);
  private static final String READ =
      "SELECT (SELECT count(*) FROM webhook_delivery WHERE status = 'PENDING'),"
          + " (SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0)::bigint"
          + "    FROM webhook_delivery WHERE status = 'PENDING'),"
          + " (SELECT coalesce(max(?1 - s.cursor_seq), 0) FROM webhook_subscription s"
          + "    WHERE s.active AND s.deleted_at IS NULL)";

  private final EntityManager em;
  private final AuditQueries audit;
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong oldestSeconds = new AtomicLong();
  private final AtomicLong eventsBehind = new AtomicLong();

  WebhookBacklog(EntityManager em, AuditQueries audit, MeterRegistry metrics) {
    this.em = em;
    this.audit = audit;
    Gauge.builder("nrm.webhooks.deliveries.pending", pending, AtomicLong::get)
        .description("Webhook deliveries waiting for a first or further attempt")
        .register(metrics);
    Gauge.builder("nrm.webhooks.oldest.pending", oldestSeconds, AtomicLong::get)
        .description("Age of the oldest pending webhook delivery")
        .baseUnit("seconds")
        .register(metrics);
    Gauge.builder("nrm.webhooks.events.behind", eventsBehind, AtomicLong::get)
        .description("Audit events the slowest active subscription has not yet fanned out")
        .register(metrics);
  }

  @Scheduled(
      every = "15s",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void refresh() {
    try {
      Object[] row =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      (Object[])
                          em.createNativeQuery(READ)
                              .setParameter(1, audit.head().seq())
                              .getSingleResult());
      pending.set(((Number) row[0]).longValue());
      oldestSeconds.set(((Number) row[1]).longValue());
      eventsBehind.set(((Number) row[2]).longValue());
    } catch (RuntimeException e) {
      // The database being away is reported by readiness; the gauges keep their last values.
      LOG.debugf("Webhook backlog not read: %s", e.getClass().getName());
    }
  }
}
