package org.nrmreferrals.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.Session;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.web.RequestIds;

/**
 * Appends events to the chain inside the caller's transaction. The head row is locked until that
 * transaction ends, so concurrent appends (from any number of service instances) queue there and
 * the chain grows one event at a time, in commit order, without gaps.
 */
@ApplicationScoped
public class AuditTrail {
  private static final String LOCK_HEAD = "SELECT seq, hash FROM audit_head WHERE id FOR UPDATE";
  private static final String APPEND =
      "WITH e AS (INSERT INTO audit_event (seq, occurred_at, action, referral_id, agency_code,"
          + " actor, actor_role, actor_agency, actor_salt, actor_digest, from_status, to_status,"
          + " request_id, details, event_digest, prev_hash, hash)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? AS jsonb), ?, ?, ?))"
          + " UPDATE audit_head SET seq = ?, hash = ? WHERE id";
  private static final String REASON = "INSERT INTO audit_event_reason (seq, reason) VALUES (?, ?)";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final EntityManager em;
  private final Clock clock;
  private final RequestIds requestIds;
  private final Timer appendTime;

  AuditTrail(EntityManager em, Clock clock, RequestIds requestIds, MeterRegistry metrics) {
    this.em = em;
    this.clock = clock;
    this.requestIds = requestIds;
    this.appendTime =
        Timer.builder("nrm.audit.append")
            .description(
                "Appending an event: flushing the transaction's changes, waiting for the chain"
                    + " head and writing the event")
            .publishPercentileHistogram()
            .register(metrics);
  }

  /**
   * Appends the event as the last write of the current transaction and returns its seq. Pending
   * entity changes are flushed first, so the head lock is held only for the commit.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public long append(AuditEvent event) {
    Timer.Sample sample = Timer.start();
    try {
      em.flush();
      Actor actor = actor();
      String requestId = requestIds.current();
      return em.unwrap(Session.class)
          .doReturningWork(connection -> write(connection, event, actor, requestId));
    } finally {
      sample.stop(appendTime);
    }
  }

  private long write(Connection connection, AuditEvent event, Actor actor, String requestId)
      throws SQLException {
    long seq;
    String prevHash;
    try (PreparedStatement lock = connection.prepareStatement(LOCK_HEAD);
        ResultSet head = lock.executeQuery()) {
      head.next();
      seq = head.getLong(1) + 1;
      prevHash = head.getString(2);
    }
    String salt = salt();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    AuditRecord record =
        new AuditRecord(
            seq,
            now,
            event.action.wireName(),
            event.referralId,
            event.agency,
            actor.subject(),
            actor.role(),
            actor.agency(),
            salt,
            AuditChain.actorDigest(salt, actor.subject()),
            event.fromStatus,
            event.toStatus,
            requestId,
            JSON.valueToTree(withReasonDigest(event, salt)),
            null,
            prevHash,
            null);
    String digest = AuditChain.eventDigest(record);
    String hash = AuditChain.link(prevHash, digest);
    try (PreparedStatement insert = connection.prepareStatement(APPEND)) {
      int i = 0;
      insert.setLong(++i, seq);
      insert.setObject(++i, now.atOffset(ZoneOffset.UTC));
      insert.setString(++i, record.action());
      insert.setObject(++i, record.referralId(), Types.OTHER);
      insert.setString(++i, record.agency());
      insert.setString(++i, record.actor());
      insert.setString(++i, record.actorRole());
      insert.setString(++i, record.actorAgency());
      insert.setString(++i, salt);
      insert.setString(++i, record.actorDigest());
      insert.setString(++i, record.fromStatus());
      insert.setString(++i, record.toStatus());
      insert.setString(++i, requestId);
      insert.setString(++i, json(record));
      insert.setString(++i, digest);
      insert.setString(++i, prevHash);
      insert.setString(++i, hash);
      insert.setLong(++i, seq);
      insert.setString(++i, hash);
      insert.executeUpdate();
    }
    if (event.reason != null) {
      try (PreparedStatement reason = connection.prepareStatement(REASON)) {
        reason.setLong(1, seq);
        reason.setString(2, event.reason);
        reason.executeUpdate();
      }
    }
    return seq;
  }

  /** Details as stored and hashed: a reason is represented only by its salted digest. */
  private static Map<String, Object> withReasonDigest(AuditEvent event, String salt) {
    if (event.reason == null) {
      return event.details;
    }
    Map<String, Object> details = new LinkedHashMap<>(event.details);
    details.put("reasonDigest", AuditChain.reasonDigest(salt, event.reason));
    return details;
  }

  private static String json(AuditRecord record) {
    try {
      return JSON.writeValueAsString(record.details());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Audit details are always serializable", e);
    }
  }

  private Actor actor() {
    if (!Arc.container().requestContext().isActive()) {
      return Actor.SYSTEM;
    }
    Caller caller = Arc.container().instance(Caller.class).get();
    if (caller.isAnonymous()) {
      return Actor.SYSTEM; // a scheduled job: the scheduler activates a request context
    }
    return new Actor(caller.subject(), caller.role(), caller.agencyCode());
  }

  private static String salt() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Who acted: token subject, role and agency (or competent authority). */
  private record Actor(String subject, String role, String agency) {
    static final Actor SYSTEM = new Actor("system", "system", null);
  }
}
