package org.nrmreferrals.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.agency.Agency;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.ProblemType;

/** A subscription's delivery log, and sending one delivery again. */
@ApplicationScoped
class WebhookDeliveries {
  private static final String LIST =
      "SELECT id, event_seq, referral_id, status, attempts, next_attempt_at, retry_until,"
          + " last_status_code, last_error, delivered_at, created_at FROM webhook_delivery"
          + " WHERE subscription_id = ? AND event_seq < ? ORDER BY event_seq DESC LIMIT ?";
  private static final String ATTEMPTS =
      "SELECT delivery_id, attempt, attempted_at, status_code, error, duration_ms"
          + " FROM webhook_attempt WHERE delivery_id = ANY (?) ORDER BY attempt";

  private final EntityManager em;
  private final Clock clock;
  private final NrmConfig config;

  WebhookDeliveries(EntityManager em, Clock clock, NrmConfig config) {
    this.em = em;
    this.clock = clock;
    this.config = config;
  }

  /** Newest first, before an event seq, with each delivery's attempts. */
  List<DeliveryView> list(Agency agency, UUID subscriptionId, long beforeSeq, int limit) {
    WebhookRegistry.owned(agency, subscriptionId);
    return em.unwrap(Session.class)
        .doReturningWork(
            connection -> {
              Map<UUID, Object[]> rows = new LinkedHashMap<>();
              try (PreparedStatement query = connection.prepareStatement(LIST)) {
                query.setObject(1, subscriptionId);
                query.setLong(2, beforeSeq);
                query.setInt(3, limit);
                try (ResultSet rs = query.executeQuery()) {
                  while (rs.next()) {
                    rows.put(rs.getObject(1, UUID.class), row(rs));
                  }
                }
              }
              Map<UUID, List<DeliveryView.Attempt>> attempts = attempts(connection, rows.keySet());
              List<DeliveryView> views = new ArrayList<>();
              rows.forEach((id, r) -> views.add(view(id, r, attempts.getOrDefault(id, List.of()))));
              return views;
            });
  }

  /**
   * Queues a delivery again, now, with a fresh retry window, and re-enables a subscription that was
   * disabled after failures; 409 while the delivery is still pending, or while an administrator
   * keeps the subscription disabled.
   */
  @Transactional
  void redeliver(Agency agency, UUID subscriptionId, UUID deliveryId) {
    if (WebhookRegistry.owned(agency, subscriptionId).isDisabledByAdmin()) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "An administrator disabled this webhook; ask the service's administrators to enable it.");
    }
    Instant now = clock.instant();
    int updated =
        em.createNativeQuery(
                "UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = :now,"
                    + " retry_until = :until WHERE id = :id AND subscription_id = :sub"
                    + " AND status <> 'PENDING'")
            .setParameter("now", now.atOffset(ZoneOffset.UTC))
            .setParameter(
                "until", now.plus(config.webhooks().giveUpAfter()).atOffset(ZoneOffset.UTC))
            .setParameter("id", deliveryId)
            .setParameter("sub", subscriptionId)
            .executeUpdate();
    if (updated == 0) {
      Object exists =
          em.createNativeQuery(
                  "SELECT count(*) FROM webhook_delivery WHERE id = :id AND subscription_id = :sub")
              .setParameter("id", deliveryId)
              .setParameter("sub", subscriptionId)
              .getSingleResult();
      if (((Number) exists).longValue() == 0) {
        throw ProblemException.notFound("No delivery " + deliveryId + " of this webhook.");
      }
      throw new ProblemException(
          ProblemType.CONFLICT, "The delivery is still pending; it will be attempted again.");
    }
    em.createNativeQuery(
            "UPDATE webhook_subscription SET active = true, disabled_reason = NULL,"
                + " consecutive_failures = 0 WHERE id = :sub AND deleted_at IS NULL"
                + " AND NOT disabled_by_admin")
        .setParameter("sub", subscriptionId)
        .executeUpdate();
  }

  private static Object[] row(ResultSet rs) throws SQLException {
    return new Object[] {
      rs.getLong(2),
      rs.getObject(3, UUID.class),
      rs.getString(4),
      rs.getInt(5),
      instant(rs, 6),
      instant(rs, 7),
      (Integer) rs.getObject(8),
      rs.getString(9),
      instant(rs, 10),
      instant(rs, 11)
    };
  }

  private static DeliveryView view(UUID id, Object[] r, List<DeliveryView.Attempt> attempts) {
    return new DeliveryView(
        id,
        (Long) r[0],
        (UUID) r[1],
        (String) r[2],
        (Integer) r[3],
        (Instant) r[4],
        (Instant) r[5],
        (Integer) r[6],
        (String) r[7],
        (Instant) r[8],
        (Instant) r[9],
        attempts);
  }

  private static Map<UUID, List<DeliveryView.Attempt>> attempts(
      Connection connection, Set<UUID> ids) throws SQLException {
    Map<UUID, List<DeliveryView.Attempt>> byDelivery = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return byDelivery;
    }
    try (PreparedStatement query = connection.prepareStatement(ATTEMPTS)) {
      query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          byDelivery
              .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
              .add(
                  new DeliveryView.Attempt(
                      rs.getInt(2),
                      instant(rs, 3),
                      (Integer) rs.getObject(4),
                      rs.getString(5),
                      rs.getInt(6)));
        }
      }
    }
    return byDelivery;
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
