package org.nrmreferrals.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The one reader of the audit trail: a referral's events, feed pages, the head, links for checking
 * a stretch of the chain, and the events after a seq for packages that follow the trail (webhooks,
 * statistics), so that no other package names its tables.
 */
@ApplicationScoped
public class AuditQueries {
  private static final Logger LOG = Logger.getLogger(AuditQueries.class);

  /**
   * A referral's events: those in the chain, then those not yet sequenced (in the order they were
   * stored). One statement, so one snapshot: an event the sequencer moves meanwhile is read once.
   */
  private static final String HISTORY =
      "SELECT * FROM (SELECT "
          + AuditRows.COLUMNS
          + ", r.reason, r.sealed, 0 AS pending FROM audit_event e"
          + " LEFT JOIN audit_event_reason r ON r.seq = e.seq WHERE e.referral_id = ?"
          + " UNION ALL SELECT "
          + AuditRows.PENDING_COLUMNS
          + ", p.reason, p.reason_sealed, p.id FROM audit_pending p WHERE p.referral_id = ?) h"
          + " ORDER BY pending = 0 DESC, seq, pending";

  private static final String FEED_ALL =
      "SELECT "
          + AuditRows.COLUMNS
          + " FROM audit_event e WHERE e.seq > ? AND e.seq <= ?"
          + " ORDER BY e.seq LIMIT ?";
  private static final String FEED_AGENCY =
      "SELECT "
          + AuditRows.COLUMNS
          + " FROM audit_event e WHERE e.agency_code = ? AND e.seq > ?"
          + " AND e.seq <= ? AND e.action = ANY (?) ORDER BY e.seq LIMIT ?";
  private static final String ONE =
      "SELECT " + AuditRows.COLUMNS + " FROM audit_event e WHERE e.seq = ?";
  private static final String AFTER_ALL =
      "SELECT seq, action, referral_id, agency_code, from_status, to_status, occurred_at"
          + " FROM audit_event"
          + " WHERE seq > ? AND seq <= ? AND action = ANY (?) ORDER BY seq";
  private static final String AFTER_AGENCY =
      "SELECT seq, action, referral_id, agency_code, from_status, to_status, occurred_at"
          + " FROM audit_event"
          + " WHERE agency_code = ? AND seq > ? AND seq <= ? AND action = ANY (?) ORDER BY seq";
  private static final String LINKS =
      "SELECT seq, event_digest, prev_hash, hash FROM audit_event"
          + " WHERE seq > ? ORDER BY seq LIMIT ?";

  private static final Set<Action> PARTNER_VISIBLE =
      EnumSet.copyOf(Arrays.stream(Action.values()).filter(Action::partnerVisible).toList());

  private final EntityManager em;

  AuditQueries(EntityManager em) {
    this.em = em;
  }

  /**
   * A referral's events, oldest first. {@code viewerAgency} is null for callers who see every
   * actor; a partner's agency code otherwise, and then only its own staff are named and the
   * authority's internal steps are left out. Sealed reasons are opened with {@code opener} ({@code
   * (purpose, sealed) -> plaintext}, null once the referral's data key is destroyed).
   */
  public List<AuditEventView> history(
      UUID referralId, String viewerAgency, BiFunction<String, byte[], byte[]> opener) {
    return em.unwrap(Session.class)
        .doReturningWork(
            connection -> {
              List<AuditEventView> events = new ArrayList<>();
              try (PreparedStatement query = connection.prepareStatement(HISTORY)) {
                query.setObject(1, referralId);
                query.setObject(2, referralId);
                try (ResultSet rs = query.executeQuery()) {
                  while (rs.next()) {
                    AuditRecord r = AuditRows.read(rs);
                    if (viewerAgency == null || partnerSees(r.action())) {
                      boolean reveals = reveals(r, viewerAgency);
                      String reason = reveals ? reason(rs, r, opener) : null;
                      events.add(AuditEventView.of(r, reason, reveals));
                    }
                  }
                }
              }
              return events;
            });
  }

  /**
   * The event's reason: opened when sealed (a sealed reason that does not open under the purpose
   * its chained digest gives was altered or moved, and is not shown); as stored when a release
   * before sealing wrote it in clear and it is not sealed yet.
   */
  private static String reason(
      ResultSet rs, AuditRecord r, BiFunction<String, byte[], byte[]> opener) throws SQLException {
    byte[] sealed = rs.getBytes("sealed");
    if (sealed == null) {
      return rs.getString("reason");
    }
    if (opener == null) {
      return null;
    }
    try {
      byte[] text =
          opener.apply(AuditTrail.reasonPurpose(r.details().path("reasonDigest").asText()), sealed);
      return new String(text, StandardCharsets.UTF_8);
    } catch (IllegalStateException e) {
      LOG.errorf("the sealed reason of event %s does not open: altered or moved", r.eventDigest());
      return null;
    }
  }

  /**
   * Up to {@code limit} reasons that a release before sealing stored in clear, locked (waiting for
   * a transaction that holds one): unsequenced ones first, then those in the chain.
   */
  public List<ClearReason> clearReasons(int limit) {
    return em.unwrap(Session.class)
        .doReturningWork(
            connection -> {
              List<ClearReason> found = new ArrayList<>();
              for (boolean pending : new boolean[] {true, false}) {
                try (PreparedStatement query =
                    connection.prepareStatement(pending ? CLEAR_PENDING : CLEAR_CHAINED)) {
                  query.setInt(1, limit - found.size());
                  try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                      found.add(
                          new ClearReason(
                              pending,
                              rs.getLong(1),
                              rs.getObject(2, UUID.class),
                              rs.getString(3),
                              rs.getString(4)));
                    }
                  }
                }
                if (found.size() >= limit) {
                  break;
                }
              }
              return found;
            });
  }

  private static final String CLEAR_PENDING =
      "SELECT id, coalesce(referral_id, cast(details->>'referralId' AS uuid)),"
          + " details->>'reasonDigest', reason FROM audit_pending WHERE reason IS NOT NULL"
          + " ORDER BY id LIMIT ? FOR UPDATE";
  private static final String CLEAR_CHAINED =
      "SELECT r.seq, coalesce(e.referral_id, cast(e.details->>'referralId' AS uuid)),"
          + " e.details->>'reasonDigest', r.reason FROM audit_event_reason r"
          + " JOIN audit_event e ON e.seq = r.seq WHERE r.reason IS NOT NULL"
          + " ORDER BY r.seq LIMIT ? FOR UPDATE OF r";

  /**
   * A reason stored in clear: in {@code audit_pending} (by its id) or in the chain (by its seq),
   * with the referral it concerns and its digest in the event.
   */
  public record ClearReason(
      boolean pending, long key, UUID referralId, String reasonDigest, String reason) {
    /** What it is sealed for, as {@link AuditTrail} seals new reasons. */
    public String purpose() {
      return AuditTrail.reasonPurpose(reasonDigest);
    }
  }

  /**
   * One page of the feed: events after {@code afterSeq}, in chain order, of one agency (only what
   * its partners may see) or of all (when {@code agency} is null). The sequencer numbers events in
   * batches that commit whole with the head, so every event up to the head read first is visible: a
   * short page may move the cursor to that head without skipping anything. Reasons are never
   * included.
   */
  public EventPage feed(String agency, long afterSeq, int limit, String viewerAgency) {
    Head head = head();
    List<AuditEventView> events =
        em.unwrap(Session.class)
            .doReturningWork(
                connection -> {
                  List<AuditEventView> page = new ArrayList<>();
                  try (PreparedStatement query =
                      connection.prepareStatement(agency == null ? FEED_ALL : FEED_AGENCY)) {
                    int i = 0;
                    if (agency != null) {
                      query.setString(++i, agency);
                    }
                    query.setLong(++i, afterSeq);
                    query.setLong(++i, head.seq());
                    if (agency != null) {
                      query.setArray(++i, wireNames(connection, PARTNER_VISIBLE));
                    }
                    query.setInt(++i, limit);
                    try (ResultSet rs = query.executeQuery()) {
                      while (rs.next()) {
                        AuditRecord r = AuditRows.read(rs);
                        page.add(AuditEventView.of(r, null, reveals(r, viewerAgency)));
                      }
                    }
                  }
                  return page;
                });
    long next =
        events.size() == limit
            ? events.get(events.size() - 1).seq()
            : Math.max(afterSeq, head.seq());
    return new EventPage(events, Long.toString(next));
  }

  /** One event as a subscriber of this agency sees it (no reason), or null when it may not. */
  public AuditEventView event(long seq, String viewerAgency) {
    return em.unwrap(Session.class)
        .doReturningWork(
            connection -> {
              try (PreparedStatement query = connection.prepareStatement(ONE)) {
                query.setLong(1, seq);
                try (ResultSet rs = query.executeQuery()) {
                  if (!rs.next()) {
                    return null;
                  }
                  AuditRecord r = AuditRows.read(rs);
                  if (viewerAgency != null && !partnerSees(r.action())) {
                    return null;
                  }
                  return AuditEventView.of(r, null, reveals(r, viewerAgency));
                }
              }
            });
  }

  /**
   * The digest of a referral's latest event of this kind, sequenced or not (null when it has none):
   * how an event names an earlier one before either has a seq.
   */
  public String lastDigest(UUID referralId, Action action) {
    List<?> digest =
        em.createNativeQuery(
                "SELECT event_digest FROM (SELECT event_digest, 0 AS pending, seq FROM audit_event"
                    + " WHERE referral_id = :id AND action = :action"
                    + " UNION ALL SELECT event_digest, id, 0 FROM audit_pending"
                    + " WHERE referral_id = :id AND action = :action) d"
                    + " ORDER BY pending DESC, seq DESC LIMIT 1")
            .setParameter("id", referralId)
            .setParameter("action", action.wireName())
            .getResultList();
    return digest.isEmpty() ? null : (String) digest.get(0);
  }

  /** The links after a seq, in order: enough to recompute the chain without any event's content. */
  List<ChainPage.Link> links(long afterSeq, int limit) {
    return em.unwrap(Session.class)
        .doReturningWork(
            connection -> {
              List<ChainPage.Link> links = new ArrayList<>();
              try (PreparedStatement query = connection.prepareStatement(LINKS)) {
                query.setLong(1, afterSeq);
                query.setInt(2, limit);
                try (ResultSet rs = query.executeQuery()) {
                  while (rs.next()) {
                    links.add(
                        new ChainPage.Link(
                            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                  }
                }
              }
              return links;
            });
  }

  /** The committed head: its seq and hash. */
  public Head head() {
    Object[] row =
        (Object[])
            em.createNativeQuery("SELECT seq, hash FROM audit_head WHERE id").getSingleResult();
    return new Head(((Number) row[0]).longValue(), (String) row[1]);
  }

  /** The committed head's seq, read on a connection of the caller's (0 for an empty chain). */
  public static long headSeq(Connection connection) throws SQLException {
    try (PreparedStatement query =
            connection.prepareStatement("SELECT seq FROM audit_head WHERE id");
        ResultSet rs = query.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /**
   * The committed events after {@code afterSeq} up to {@code upToSeq} (a head read before, so the
   * stretch is final) with one of these actions, of one agency (then only those its partners may
   * see) or of all (when {@code agency} is null), in seq order, each handed to {@code each} as it
   * is read: how other packages follow the trail, on a connection of theirs.
   */
  public static void after(
      Connection connection,
      long afterSeq,
      long upToSeq,
      Set<Action> actions,
      String agency,
      Consumer<Logged> each)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(agency == null ? AFTER_ALL : AFTER_AGENCY)) {
      int i = 0;
      if (agency != null) {
        query.setString(++i, agency);
      }
      query.setLong(++i, afterSeq);
      query.setLong(++i, upToSeq);
      Set<Action> wanted = actions;
      if (agency != null) {
        wanted = EnumSet.noneOf(Action.class);
        wanted.addAll(actions);
        wanted.retainAll(PARTNER_VISIBLE);
      }
      query.setArray(++i, wireNames(connection, wanted));
      query.setFetchSize(10_000);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          each.accept(
              new Logged(
                  rs.getLong(1),
                  Action.ofWireName(rs.getString(2)),
                  rs.getObject(3, UUID.class),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getObject(7, OffsetDateTime.class).toInstant()));
        }
      }
    }
  }

  /** An event as a follower of the trail needs it: what happened to which referral, and when. */
  public record Logged(
      long seq,
      Action action,
      UUID referralId,
      String agencyCode,
      String fromStatus,
      String toStatus,
      Instant occurredAt) {}

  private static boolean partnerSees(String wireName) {
    return Action.isWireName(wireName) && Action.ofWireName(wireName).partnerVisible();
  }

  private static java.sql.Array wireNames(Connection connection, Set<Action> actions)
      throws SQLException {
    return connection.createArrayOf("text", actions.stream().map(Action::wireName).toArray());
  }

  private static boolean reveals(AuditRecord r, String viewerAgency) {
    return viewerAgency == null
        || ("partner".equals(r.actorRole()) && viewerAgency.equals(r.actorAgency()));
  }

  /** The last event's seq and hash (0 and the genesis hash for an empty chain). */
  public record Head(long seq, String hash) {}
}
