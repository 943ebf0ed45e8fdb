package org.nrmreferrals.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditEvent;
import org.nrmreferrals.audit.AuditQueries;
import org.nrmreferrals.audit.AuditTrail;
import org.nrmreferrals.webhook.WebhookSecrets.Slot;

/**
 * The delivery queue, in SQL. Audit events are numbered by the sequencer in batches that commit
 * whole, so everything up to the committed head is final: a subscription's cursor can move to the
 * head without missing an event, and an event of a rolled-back transaction never existed to be
 * queued.
 */
@ApplicationScoped
class WebhookOutbox {
  private static final Logger LOG = Logger.getLogger(WebhookOutbox.class);

  /**
   * A subscription of a deactivated agency is passed over, here and in {@link #CLAIM}: nothing is
   * queued or sent for it while the agency is inactive; its cursor waits, and the agency is caught
   * up if it is made active again.
   */
  private static final String AGENCY_ACTIVE =
      "EXISTS (SELECT 1 FROM agency a WHERE a.code = %s AND a.active)";

  private static final String SUBSCRIPTIONS =
      "SELECT id, agency_code, events, cursor_seq FROM webhook_subscription"
          + " WHERE active AND deleted_at IS NULL AND "
          + AGENCY_ACTIVE.formatted("agency_code")
          + " FOR UPDATE SKIP LOCKED";
  private static final String QUEUE =
      "INSERT INTO webhook_delivery (id, subscription_id, event_seq, referral_id, status,"
          + " next_attempt_at, retry_until, created_at)"
          + " VALUES (gen_random_uuid(), ?, ?, ?, 'PENDING', ?, ?, ?) ON CONFLICT DO NOTHING";

  /** Events fanned out per read of the trail, so a subscription far behind is read in parts. */
  private static final long WINDOW = 10_000;

  private static final String ADVANCE =
      "UPDATE webhook_subscription SET cursor_seq = ? WHERE id = ?";
  private static final String CLAIM =
      "UPDATE webhook_delivery d SET next_attempt_at = ? FROM webhook_subscription s"
          + " WHERE s.id = d.subscription_id AND d.id IN ("
          + "  SELECT d1.id FROM webhook_delivery d1 JOIN webhook_subscription s1"
          + "   ON s1.id = d1.subscription_id"
          + "  WHERE d1.status = 'PENDING' AND d1.next_attempt_at <= ? AND s1.active AND "
          + AGENCY_ACTIVE.formatted("s1.agency_code")
          + "   AND NOT EXISTS (SELECT 1 FROM webhook_delivery d0"
          + "    WHERE d0.subscription_id = d1.subscription_id AND d0.status = 'PENDING'"
          + "    AND d0.referral_id IS NOT DISTINCT FROM d1.referral_id"
          + "    AND d0.event_seq < d1.event_seq)"
          + "  ORDER BY d1.event_seq LIMIT ? FOR UPDATE OF d1 SKIP LOCKED)"
          + " RETURNING d.id, d.subscription_id, s.agency_code, s.url, s.secret_kek,"
          + " s.secret_sealed, CASE WHEN s.previous_secret_expires_at > ?"
          + " THEN s.previous_secret_sealed END, d.event_seq, d.attempts, d.retry_until,"
          + " s.secret, CASE WHEN s.previous_secret_expires_at > ? THEN s.previous_secret END";
  private static final String ATTEMPT =
      "INSERT INTO webhook_attempt (delivery_id, attempt, attempted_at, status_code, error,"
          + " duration_ms) VALUES (?, ?, ?, ?, ?, ?)";
  private static final String DELIVERED =
      "UPDATE webhook_delivery SET status = 'DELIVERED', attempts = ?, next_attempt_at = NULL,"
          + " last_attempt_at = ?, last_status_code = ?, last_error = NULL, delivered_at = ?"
          + " WHERE id = ?";
  private static final String RETRY =
      "UPDATE webhook_delivery SET attempts = ?, next_attempt_at = ?, last_attempt_at = ?,"
          + " last_status_code = ?, last_error = ? WHERE id = ?";
  private static final String GIVE_UP =
      "UPDATE webhook_delivery SET status = 'FAILED', attempts = ?, next_attempt_at = NULL,"
          + " last_attempt_at = ?, last_status_code = ?, last_error = ? WHERE id = ?";
  private static final String HEALTHY =
      "UPDATE webhook_subscription SET consecutive_failures = 0 WHERE id = ?";
  private static final String FAILED =
      "UPDATE webhook_subscription SET consecutive_failures = consecutive_failures + 1,"
          + " active = CASE WHEN consecutive_failures + 1 >= ? THEN false ELSE active END,"
          + " disabled_reason = CASE WHEN consecutive_failures + 1 >= ?"
          + " THEN 'disabled after ' || (consecutive_failures + 1) || ' failed deliveries'"
          + " ELSE disabled_reason END WHERE id = ?"
          + " RETURNING NOT active AND consecutive_failures = ?, agency_code";

  private final EntityManager em;
  private final AuditQueries events;
  private final AuditTrail audit;
  private final Duration giveUpAfter;
  private final WebhookSecrets secrets;

  WebhookOutbox(
      EntityManager em,
      AuditQueries events,
      AuditTrail audit,
      NrmConfig config,
      WebhookSecrets secrets) {
    this.secrets = secrets;
    this.em = em;
    this.events = events;
    this.audit = audit;
    this.giveUpAfter = config.webhooks().giveUpAfter();
  }

  /** A delivery claimed for sending. */
  record Due(
      UUID deliveryId,
      UUID subscriptionId,
      String agencyCode,
      String url,
      String secret,
      String previousSecret,
      long eventSeq,
      int attempts,
      Instant retryUntil) {}

  /** Queues each active subscription's new events, up to the committed head. */
  void fanOut(Instant now) {
    long head = events.head().seq();
    em.unwrap(Session.class)
        .doWork(
            c -> {
              try (PreparedStatement subs = c.prepareStatement(SUBSCRIPTIONS);
                  ResultSet rs = subs.executeQuery()) {
                while (rs.next()) {
                  if (rs.getLong(4) < head) {
                    queue(c, rs, head, now);
                  }
                }
              }
            });
  }

  /** Queues a delivery of each of the subscription's events between its cursor and the head. */
  private void queue(Connection c, ResultSet sub, long head, Instant now) throws SQLException {
    UUID id = sub.getObject(1, UUID.class);
    String agency = sub.getString(2);
    Set<Action> actions = EnumSet.noneOf(Action.class);
    for (String name : (String[]) sub.getArray(3).getArray()) {
      if (Action.isWireName(name)) {
        actions.add(Action.ofWireName(name));
      } else {
        LOG.warnf("Webhook %s subscribes to %s, which is no action; skipped", id, name);
      }
    }
    try (PreparedStatement insert = c.prepareStatement(QUEUE);
        PreparedStatement advance = c.prepareStatement(ADVANCE)) {
      for (long from = sub.getLong(4); from < head; from += WINDOW) {
        List<AuditQueries.Logged> events = new ArrayList<>();
        AuditQueries.after(c, from, Math.min(head, from + WINDOW), actions, agency, events::add);
        for (AuditQueries.Logged e : events) {
          insert.setObject(1, id);
          insert.setLong(2, e.seq());
          insert.setObject(3, e.referralId());
          insert.setObject(4, utc(now));
          insert.setObject(5, utc(now.plus(giveUpAfter)));
          insert.setObject(6, utc(now));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      advance.setLong(1, head);
      advance.setObject(2, id);
      advance.executeUpdate();
    }
  }

  /** Leases up to {@code max} due deliveries, keeping each referral's deliveries in order. */
  List<Due> claim(Instant now, Duration lease, int max) {
    return em.unwrap(Session.class)
        .doReturningWork(
            c -> {
              List<Due> due = new ArrayList<>();
              try (PreparedStatement claim = c.prepareStatement(CLAIM)) {
                claim.setObject(1, utc(now.plus(lease)));
                claim.setObject(2, utc(now));
                claim.setInt(3, max);
                claim.setObject(4, utc(now));
                claim.setObject(5, utc(now));
                try (ResultSet rs = claim.executeQuery()) {
                  while (rs.next()) {
                    UUID subscription = rs.getObject(2, UUID.class);
                    String kek = rs.getString(5);
                    due.add(
                        new Due(
                            rs.getObject(1, UUID.class),
                            subscription,
                            rs.getString(3),
                            rs.getString(4),
                            opened(
                                subscription, Slot.CURRENT, kek, rs.getBytes(6), rs.getString(11)),
                            opened(
                                subscription, Slot.PREVIOUS, kek, rs.getBytes(7), rs.getString(12)),
                            rs.getLong(8),
                            rs.getInt(9),
                            rs.getObject(10, OffsetDateTime.class).toInstant()));
                  }
                }
              }
              return due;
            });
  }

  /** A secret opened from its sealed form, or as a release before V28 stored it, not yet sealed. */
  private String opened(UUID subscription, Slot slot, String kek, byte[] sealed, String clear) {
    return sealed == null ? clear : secrets.open(subscription, slot, kek, sealed);
  }

  /** Records an attempt: delivered on 2xx; otherwise retried after {@code retryIn}, or failed. */
  void record(
      Due d,
      Integer status,
      String error,
      int millis,
      Instant now,
      Duration retryIn,
      int disableAfter) {
    int attempt = d.attempts() + 1;
    boolean ok = status != null && status >= 200 && status < 300;
    String why = ok ? null : error != null ? error : "HTTP " + status;
    em.unwrap(Session.class)
        .doWork(
            c -> {
              try (PreparedStatement log = c.prepareStatement(ATTEMPT)) {
                log.setObject(1, d.deliveryId());
                log.setInt(2, attempt);
                log.setObject(3, utc(now));
                log.setObject(4, status);
                log.setString(5, why);
                log.setInt(6, millis);
                log.executeUpdate();
              }
              if (ok) {
                update(c, DELIVERED, attempt, utc(now), status, utc(now), d.deliveryId());
                update(c, HEALTHY, d.subscriptionId());
              } else if (!now.plus(retryIn).isBefore(d.retryUntil())) {
                update(c, GIVE_UP, attempt, utc(now), status, why, d.deliveryId());
                disableIfFailing(c, d, disableAfter);
              } else {
                update(
                    c,
                    RETRY,
                    attempt,
                    utc(now.plus(retryIn)),
                    utc(now),
                    status,
                    why,
                    d.deliveryId());
              }
            });
  }

  /** Counts a failed delivery; the one that reaches the limit disables the subscription. */
  private void disableIfFailing(Connection c, Due d, int disableAfter) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(FAILED)) {
      s.setInt(1, disableAfter);
      s.setInt(2, disableAfter);
      s.setObject(3, d.subscriptionId());
      s.setInt(4, disableAfter);
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next() && rs.getBoolean(1)) {
          audit.append(
              AuditEvent.of(Action.WEBHOOK_DISABLED)
                  .agency(rs.getString(2))
                  .detail("webhookId", d.subscriptionId())
                  .detail("failedDeliveries", disableAfter));
        }
      }
    }
  }

  private static void update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      s.executeUpdate();
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
