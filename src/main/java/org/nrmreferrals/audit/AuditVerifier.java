package org.nrmreferrals.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.nrmreferrals.NrmConfig;

/**
 * Recomputes the whole chain from the rows, as a superuser's edits would break it: a missing or
 * extra row breaks the seq run or the prevHash link, an altered column breaks its digest, and a
 * deleted tail leaves the head row pointing past the last event.
 */
@ApplicationScoped
class AuditVerifier {
  private static final String EVENTS =
      "SELECT "
          + AuditRows.COLUMNS
          + ", r.reason FROM audit_event e LEFT JOIN audit_event_reason r ON r.seq = e.seq"
          + " ORDER BY e.seq";
  private static final int FETCH_SIZE = 5_000;

  private final DataSource dataSource;
  private final int batchSize;

  AuditVerifier(DataSource dataSource, NrmConfig config) {
    this.dataSource = dataSource;
    this.batchSize = config.audit().verifyBatch();
  }

  Verification verify() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        return verify(connection);
      } finally {
        connection.rollback();
      }
    }
  }

  private static final int THREADS = Runtime.getRuntime().availableProcessors();
  private static final int IN_FLIGHT = 4 * THREADS;
  private static final ExecutorService CHECKERS =
      Executors.newFixedThreadPool(
          THREADS,
          task -> {
            Thread t = new Thread(task, "audit-verifier");
            t.setDaemon(true);
            return t;
          });

  /** An event as read, with what its check needs from the rows before it. */
  private record Row(AuditRecord event, long expectedSeq, String prevHash, String reason) {}

  /** Checks a batch: the first broken event's verification, or null. */
  private static Future<Verification> submit(List<Row> batch, long headSeq, String headHash) {
    return CHECKERS.submit(
        () -> {
          for (Row row : batch) {
            AuditRecord r = row.event();
            String problem = check(r, row.expectedSeq(), row.prevHash(), row.reason());
            if (problem != null) {
              return broken(
                  row.expectedSeq() - 1,
                  headSeq,
                  headHash,
                  Math.min(r.seq(), row.expectedSeq()),
                  problem);
            }
          }
          return null;
        });
  }

  private static Verification await(Future<Verification> batch) {
    try {
      return batch.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while verifying the audit chain", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Verifying the audit chain failed", e.getCause());
    }
  }

  private static void cancel(Deque<Future<Verification>> pending) {
    pending.forEach(f -> f.cancel(true));
    pending.clear();
  }

  private Verification verify(Connection connection) throws SQLException {
    long headSeq;
    String headHash;
    try (PreparedStatement head = connection.prepareStatement("SELECT seq, hash FROM audit_head");
        ResultSet rs = head.executeQuery()) {
      rs.next();
      headSeq = rs.getLong(1);
      headHash = rs.getString(2);
    }
    // One thread reads the rows in seq order; batches are checked on every core. Each event's
    // check needs only the event, the seq expected of it and the stored hash of the row before
    // it, all known when the row is read, so the outcome is the sequential one: the first
    // problem in seq order.
    long expected = 1;
    String prevHash = AuditChain.GENESIS;
    Deque<Future<Verification>> pending = new ArrayDeque<>();
    List<Row> batch = new ArrayList<>(batchSize);
    try (PreparedStatement query = connection.prepareStatement(EVENTS)) {
      query.setFetchSize(FETCH_SIZE);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          AuditRecord r = AuditRows.read(rs);
          batch.add(new Row(r, expected, prevHash, rs.getString(18))); // r.reason, after COLUMNS
          prevHash = r.hash();
          expected++;
          if (batch.size() == batchSize) {
            pending.add(submit(batch, headSeq, headHash));
            batch = new ArrayList<>(batchSize);
            while (pending.size() >= IN_FLIGHT) {
              Verification broken = await(pending.poll());
              if (broken != null) {
                cancel(pending);
                return broken;
              }
            }
          }
        }
      }
    }
    if (!batch.isEmpty()) {
      pending.add(submit(batch, headSeq, headHash));
    }
    while (!pending.isEmpty()) {
      Verification broken = await(pending.poll());
      if (broken != null) {
        cancel(pending);
        return broken;
      }
    }
    long checked = expected - 1;
    if (checked != headSeq || !prevHash.equals(headHash)) {
      return broken(
          checked, headSeq, headHash, checked + 1, "the head does not match the last event");
    }
    return new Verification(true, checked, headSeq, headHash, null, null);
  }

  /** What is wrong with one event, or null. */
  private static String check(AuditRecord r, long expectedSeq, String prevHash, String reason) {
    if (r.seq() != expectedSeq) {
      return "event " + expectedSeq + " is missing";
    }
    if (!r.prevHash().equals(prevHash)) {
      return "prevHash does not match the previous event's hash";
    }
    if (!r.actorDigest().equals(AuditChain.actorDigest(r.actorSalt(), r.actor()))) {
      return "the actor was altered";
    }
    if (reason != null
        && !AuditChain.reasonDigest(r.actorSalt(), reason)
            .equals(r.details().path("reasonDigest").asText())) {
      return "the reason was altered";
    }
    String digest = AuditChain.eventDigest(r);
    if (!digest.equals(r.eventDigest())) {
      return "the event was altered";
    }
    if (!AuditChain.link(prevHash, digest).equals(r.hash())) {
      return "the hash does not link the event to its predecessor";
    }
    return null;
  }

  private static Verification broken(
      long checked, long headSeq, String headHash, long seq, String problem) {
    return new Verification(false, checked, headSeq, headHash, seq, problem);
  }
}
