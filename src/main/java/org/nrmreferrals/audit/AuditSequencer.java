package org.nrmreferrals.audit;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.nrmreferrals.NrmConfig;

/**
 * Moves committed events from audit_pending into the chain, a batch at a time, as Certificate
 * Transparency's and Trillian's sequencers do: numbers them in the order they are taken, links each
 * to its predecessor, advances the head, and adds the Merkle tree tiles the batch completes, in one
 * transaction. Every instance runs it; a batch runs only while holding a transaction-level advisory
 * lock, so one instance sequences at a time, and when an instance dies mid-batch its transaction
 * rolls back, its lock goes with its connection, and the next instance to poll takes over.
 */
@ApplicationScoped
public class AuditSequencer {
  private static final Logger LOG = Logger.getLogger(AuditSequencer.class);

  /** The advisory lock's key: the sequencer's, and no one else's (tests hold it back with it). */
  public static final long LOCK = 0x6e726d5f73657100L; // "nrm_seq\0"

  private static final String LOCK_HEAD = "SELECT seq, hash FROM audit_head WHERE id FOR UPDATE";
  private static final String TAKE =
      "SELECT id, event_digest FROM audit_pending ORDER BY id LIMIT ?";

  /**
   * One statement moves the batch: deletes the pending rows, inserts them as chain events with
   * their seq and link, stores their reasons, and advances the head.
   */
  private static final String MOVE =
      "WITH s AS (SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[])"
          + " AS s(id, seq, prev_hash, hash)),"
          + " moved AS (DELETE FROM audit_pending p USING s WHERE p.id = s.id"
          + " RETURNING s.seq, s.prev_hash, s.hash, p.*),"
          + " events AS (INSERT INTO audit_event (seq, occurred_at, action, referral_id,"
          + " agency_code, actor, actor_role, actor_agency, actor_salt, actor_digest, from_status,"
          + " to_status, request_id, details, event_digest, prev_hash, hash)"
          + " SELECT seq, occurred_at, action, referral_id, agency_code, actor, actor_role,"
          + " actor_agency, actor_salt, actor_digest, from_status, to_status, request_id, details,"
          + " event_digest, prev_hash, hash FROM moved ORDER BY seq RETURNING seq),"
          + " reasons AS (INSERT INTO audit_event_reason (seq, reason, sealed)"
          + " SELECT seq, reason, reason_sealed FROM moved"
          + " WHERE reason IS NOT NULL OR reason_sealed IS NOT NULL)"
          + " UPDATE audit_head SET seq = ?, hash = ? WHERE id"
          + " AND (SELECT count(*) FROM events) = ?";

  private static final HexFormat HEX = HexFormat.of();

  /** Blocks of 256 events a batch adds tiles for at most: a catch-up of 16,384 events a batch. */
  private static final long CATCH_UP_BLOCKS = 64;

  private final DataSource dataSource;
  private final int batchSize;
  private final Timer batchTime;
  private final Duration every;
  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread t = new Thread(task, "audit-sequencer");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean treeBroken;

  AuditSequencer(DataSource dataSource, NrmConfig config, MeterRegistry metrics) {
    this.dataSource = dataSource;
    this.batchSize = config.audit().sequencer().batch();
    this.every = config.audit().sequencer().every();
    this.batchTime =
        Timer.builder("nrm.audit.sequencer.batch")
            .description("Sequencing one batch of events into the chain")
            .publishPercentileHistogram()
            .register(metrics);
    Gauge.builder("nrm.audit.pending.oldest.seconds", this, AuditSequencer::oldestPendingSeconds)
        .description(
            "Age of the oldest committed event not yet sequenced: above nrm.audit.max-delay,"
                + " receipts are being broken")
        .register(metrics);
    Gauge.builder("nrm.audit.sequencer.tree.broken", () -> treeBroken ? 1 : 0)
        .description("1 when the Merkle tree could not be extended over the chain's events")
        .register(metrics);
  }

  /**
   * Polls on a thread of its own: Quarkus' scheduler runs jobs at most once a second, and a batch
   * must come well inside the maximum delay.
   */
  void start(@Observes StartupEvent event) {
    poller.scheduleWithFixedDelay(this::tick, every.toMillis(), every.toMillis(), MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent event) {
    poller.shutdownNow();
  }

  void tick() {
    try {
      sequenceAll(false);
    } catch (SQLException | RuntimeException e) {
      LOG.error("Sequencing audit events failed; the next poll tries again", e);
    }
  }

  /**
   * Sequences batches until nothing committed when it began is left; if another instance holds the
   * lock, waits for it ({@code wait}: every event committed before this call is then in the chain
   * when it returns) or returns at once. Returns how many events this call sequenced.
   */
  public long sequenceAll(boolean wait) throws SQLException {
    long total = 0;
    while (true) {
      int moved = sequenceBatch(wait);
      if (moved < 0) {
        return total;
      }
      total += moved;
      if (moved < batchSize) {
        return total;
      }
    }
  }

  /** Seconds since the oldest event waiting to be sequenced was stored (0 when none waits). */
  double oldestPendingSeconds() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT coalesce(extract(epoch FROM now() - min(occurred_at)), 0)"
                    + " FROM audit_pending");
        ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getDouble(1);
    } catch (SQLException e) {
      return Double.NaN;
    }
  }

  /** Committed events not yet sequenced. */
  public long pending() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement count = c.prepareStatement("SELECT count(*) FROM audit_pending");
        ResultSet rs = count.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * One batch in one transaction: the events sequenced, or -1 when another instance holds the
   * sequencer's lock.
   */
  int sequenceBatch(boolean wait) throws SQLException {
    Timer.Sample sample = Timer.start();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        int moved = sequenceBatch(c, wait);
        c.commit();
        return moved;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } finally {
      sample.stop(batchTime);
    }
  }

  /** A batch on the caller's connection, inside its transaction (the tests' way to crash one). */
  int sequenceBatch(Connection c, boolean wait) throws SQLException {
    if (!lock(c, wait)) {
      return -1;
    }
    long seq;
    String prevHash;
    try (PreparedStatement head = c.prepareStatement(LOCK_HEAD);
        ResultSet rs = head.executeQuery()) {
      rs.next();
      seq = rs.getLong(1);
      prevHash = rs.getString(2);
    }
    List<Long> ids = new ArrayList<>();
    List<String> digests = new ArrayList<>();
    try (PreparedStatement take = c.prepareStatement(TAKE)) {
      take.setInt(1, batchSize);
      try (ResultSet rs = take.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
          digests.add(rs.getString(2));
        }
      }
    }
    MessageDigest sha = AuditChain.sha256();
    int n = ids.size();
    if (n > 0) {
      Long[] seqs = new Long[n];
      String[] prevs = new String[n];
      String[] hashes = new String[n];
      for (int i = 0; i < n; i++) {
        seqs[i] = ++seq;
        prevs[i] = prevHash;
        prevHash = HEX.formatHex(AuditChain.link(prevHash, HEX.parseHex(digests.get(i)), sha));
        hashes[i] = prevHash;
      }
      try (PreparedStatement move = c.prepareStatement(MOVE)) {
        move.setArray(1, c.createArrayOf("bigint", ids.toArray()));
        move.setArray(2, c.createArrayOf("bigint", seqs));
        move.setArray(3, c.createArrayOf("text", prevs));
        move.setArray(4, c.createArrayOf("text", hashes));
        move.setLong(5, seq);
        move.setString(6, prevHash);
        move.setInt(7, n);
        if (move.executeUpdate() != 1) {
          throw new SQLException("the batch's pending events changed while it was sequenced");
        }
      }
    }
    extendTree(c, seq, sha);
    return n;
  }

  /**
   * Adds the tiles this batch completed, and catches up (a bounded stretch per batch) on events
   * sequenced before the tree existed. A chain whose stored digests are not digests (a broken or
   * made-up chain) stops the tree, not the sequencing; the verification reports the chain.
   */
  private void extendTree(Connection c, long head, MessageDigest sha) throws SQLException {
    if (treeBroken) {
      return;
    }
    Savepoint before = c.setSavepoint();
    try {
      new TreeTiles(c).extend(head, CATCH_UP_BLOCKS, sha);
      c.releaseSavepoint(before);
    } catch (SQLException e) {
      c.rollback(before); // a passing failure: the next batch tries again
      LOG.warnf("Extending the Merkle tree failed; the next batch tries again: %s", e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      c.rollback(before);
      treeBroken = true; // stored digests that are not digests: no retry can mend that
      LOG.errorf("The Merkle tree stops: %s; verify the chain (GET /api/v1/audit/verify)", e);
    }
  }

  /**
   * Takes the sequencer's lock for this transaction: waits for it (at most 10 s), or tries once.
   * The batch's session is ended by PostgreSQL if it stalls idle in its transaction for 5 s (a
   * paused or cut-off instance), which frees the lock for another instance; no statement runs over
   * 30 s.
   */
  private static boolean lock(Connection c, boolean wait) throws SQLException {
    try (PreparedStatement limits =
        c.prepareStatement(
            "SELECT set_config('idle_in_transaction_session_timeout', '5s', true),"
                + " set_config('statement_timeout', '30s', true),"
                + " set_config('lock_timeout', '10s', true)")) {
      limits.execute();
    }
    try (PreparedStatement lock =
        c.prepareStatement(
            wait
                ? "SELECT true FROM pg_advisory_xact_lock(?)"
                : "SELECT pg_try_advisory_xact_lock(?)")) {
      lock.setLong(1, LOCK);
      try (ResultSet rs = lock.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    } catch (SQLException e) {
      if ("55P03".equals(e.getSQLState())) { // lock_timeout: another instance's batch is stuck
        LOG.warn("Waited 10 s for the sequencer's lock; going on without sequencing");
        return false;
      }
      throw e;
    }
  }
}
