package org.nrmreferrals.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
import org.nrmreferrals.Jdbc;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.web.RequestIds;

/**
 * Stores events, unsequenced, inside the caller's transaction: nothing shared is locked, so
 * concurrent requests (on any number of instances) do not wait for each other here. Each event's
 * digest is final when it is stored (it leaves out the seq); {@link AuditSequencer} gives committed
 * events their seq and link in the chain within {@code nrm.audit.max-delay}.
 */
@ApplicationScoped
public class AuditTrail {
  static final String STORE =
      "INSERT INTO audit_pending (occurred_at, action, referral_id, agency_code, actor, actor_role,"
          + " actor_agency, actor_salt, actor_digest, from_status, to_status, request_id, details,"
          + " event_digest, reason_sealed)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? AS jsonb), ?, ?)";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final EntityManager em;
  private final Clock clock;
  private final RequestIds requestIds;
  private final Timer appendTime;
  private final Receipts receipts;

  AuditTrail(
      EntityManager em,
      Clock clock,
      RequestIds requestIds,
      MeterRegistry metrics,
      Receipts receipts) {
    this.receipts = receipts;
    this.em = em;
    this.clock = clock;
    this.requestIds = requestIds;
    this.appendTime =
        Timer.builder("nrm.audit.append")
            .description("Storing an event, unsequenced, in the caller's transaction")
            .publishPercentileHistogram()
            .register(metrics);
  }

  /**
   * Stores the event in the current transaction and returns its digest, the value its receipt
   * promises and its inclusion proof is asked by. It becomes part of the chain if and when the
   * transaction commits.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public String append(AuditEvent event) {
    Timer.Sample sample = Timer.start();
    try {
      Actor actor = actor();
      String requestId = requestIds.current();
      String digest =
          em.unwrap(Session.class)
              .doReturningWork(connection -> write(connection, event, actor, requestId));
      // A receipt names only events its caller may see: a partner's, those of its own agency
      // that partners are shown (not, for example, a likely duplicate found at its intake).
      if (!"partner".equals(actor.role())
          || (event.action.partnerVisible()
              && actor.agency() != null
              && actor.agency().equals(event.agency))) {
        receipts.stored(digest);
      }
      return digest;
    } finally {
      sample.stop(appendTime);
    }
  }

  private String write(Connection connection, AuditEvent event, Actor actor, String requestId)
      throws SQLException {
    Row row = row(event, actor, requestId);
    try (PreparedStatement insert = connection.prepareStatement(STORE)) {
      row.bind(insert);
      insert.executeUpdate();
    }
    return row.digest();
  }

  /**
   * Replaces a reason stored in clear with its sealed text, or forgets the text (the chain keeps
   * its digest) when {@code sealed} is null, for a referral whose data key is destroyed.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void reseal(AuditQueries.ClearReason clear, byte[] sealed) {
    if (sealed == null && !clear.pending()) {
      Jdbc.update(
          em, "DELETE FROM audit_event_reason WHERE seq = ?", s -> s.setLong(1, clear.key()));
      return;
    }
    Jdbc.update(
        em,
        clear.pending()
            ? "UPDATE audit_pending SET reason = NULL, reason_sealed = ? WHERE id = ?"
            : "UPDATE audit_event_reason SET reason = NULL, sealed = ? WHERE seq = ?",
        s -> {
          s.setBytes(1, sealed);
          s.setLong(2, clear.key());
        });
  }

  /** Deletes the referral's reasons still in clear (an earlier release's), at its erasure. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void forgetClearReasons(java.util.UUID referralId) {
    Jdbc.update(
        em,
        "DELETE FROM audit_event_reason r USING audit_event e WHERE r.seq = e.seq"
            + " AND e.referral_id = ? AND r.reason IS NOT NULL",
        s -> s.setObject(1, referralId));
    Jdbc.update(
        em,
        "UPDATE audit_pending SET reason = NULL WHERE referral_id = ? AND reason IS NOT NULL",
        s -> s.setObject(1, referralId));
  }

  /** The event as it is stored, by the current caller (on a request's thread), digest included. */
  Row row(AuditEvent event) {
    return row(event, actor(), requestIds.current());
  }

  private Row row(AuditEvent event, Actor actor, String requestId) {
    String salt = salt();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    AuditRecord record =
        new AuditRecord(
            0, // not yet known, and not covered by the digest
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
            null,
            null);
    return new Row(record, AuditChain.eventDigest(record), sealedReason(event, record));
  }

  /**
   * The reason sealed by the event's sealer, bound to the reason's digest in the chain (so it
   * cannot be moved to another event); null when there is no reason or no way to seal it, and then
   * the chain's digest is all that is kept of it.
   */
  private static byte[] sealedReason(AuditEvent event, AuditRecord record) {
    if (event.reason == null || event.reasonSealer == null) {
      return null;
    }
    return event.reasonSealer.apply(
        reasonPurpose(record.details().path("reasonDigest").asText()),
        event.reason.getBytes(StandardCharsets.UTF_8));
  }

  /** What a reason is sealed for: its digest in the chain. */
  static String reasonPurpose(String reasonDigest) {
    return "audit-reason:" + reasonDigest;
  }

  /** An event ready to store in {@code audit_pending} ({@link #STORE}), with its final digest. */
  record Row(AuditRecord record, String digest, byte[] reasonSealed) {
    void bind(PreparedStatement insert) throws SQLException {
      int i = 0;
      insert.setObject(++i, record.occurredAt().atOffset(ZoneOffset.UTC));
      insert.setString(++i, record.action());
      insert.setObject(++i, record.referralId(), Types.OTHER);
      insert.setString(++i, record.agency());
      insert.setString(++i, record.actor());
      insert.setString(++i, record.actorRole());
      insert.setString(++i, record.actorAgency());
      insert.setString(++i, record.actorSalt());
      insert.setString(++i, record.actorDigest());
      insert.setString(++i, record.fromStatus());
      insert.setString(++i, record.toStatus());
      insert.setString(++i, record.requestId());
      insert.setString(++i, json(record));
      insert.setString(++i, digest);
      insert.setBytes(++i, reasonSealed);
    }
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
