package org.nrmreferrals.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.nrmreferrals.NrmConfig;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyInputStream;

/**
 * Recomputes the whole chain from the rows, as a superuser's edits would break it: a missing or
 * extra row breaks the seq run or the prevHash link, an altered column breaks its digest, and a
 * deleted tail leaves the head row pointing past the last event.
 */
@ApplicationScoped
class AuditVerifier {
  private static final String COPY =
      "COPY (SELECT "
          + AuditRows.COLUMNS
          + ", r.reason FROM audit_event e LEFT JOIN audit_event_reason r ON r.seq = e.seq"
          + " ORDER BY e.seq) TO STDOUT (FORMAT binary)";

  /** The COPY's fields: COLUMNS, then the reason. */
  private static final int FIELDS = 18;

  private static final int HASH = 16;
  private static final int REASON = 17;

  /** The 11 bytes a binary COPY starts with. */
  private static final byte[] SIGNATURE =
      "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);

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

  /**
   * An event as the COPY sent it (its fields' bytes, decoded by the checker), with what its check
   * needs from the rows before it: the seq expected of it and the previous row's stored hash.
   */
  private record Row(byte[][] fields, long expectedSeq, byte[] prevHash) {}

  /** Checks a batch: the first broken event's verification, or null. */
  private static Future<Verification> submit(List<Row> batch, long headSeq, String headHash) {
    return CHECKERS.submit(
        () -> {
          MessageDigest sha = AuditChain.sha256();
          for (Row row : batch) {
            AuditRecord r = AuditRows.fromBinary(row.fields());
            String reason = AuditRows.text(row.fields()[REASON]);
            String prevHash = AuditRows.text(row.prevHash());
            String problem = check(r, row.expectedSeq(), prevHash, reason, sha);
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
    // problem in seq order. The rows come as a binary COPY: PostgreSQL streams them while they
    // are checked (a cursor would wait for each fetch), and the reader only splits the stream
    // into fields, leaving their decoding to the checkers.
    long expected = 1;
    byte[] prevHash = AuditChain.GENESIS.getBytes(StandardCharsets.US_ASCII);
    Deque<Future<Verification>> pending = new ArrayDeque<>();
    List<Row> batch = new ArrayList<>(batchSize);
    CopyManager copies = connection.unwrap(PGConnection.class).getCopyAPI();
    try (PGCopyInputStream copy = new PGCopyInputStream(copies.copyOut(COPY))) {
      DataInputStream in = new DataInputStream(new BufferedInputStream(copy, 1 << 16));
      boolean readToTheEnd = false;
      try {
        skipHeader(in);
        for (byte[][] fields = nextRow(in); fields != null; fields = nextRow(in)) {
          batch.add(new Row(fields, expected, prevHash));
          prevHash = fields[HASH];
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
        readToTheEnd = true;
      } finally {
        if (!readToTheEnd) {
          drain(in);
        }
      }
    } catch (IOException e) {
      cancel(pending);
      throw new SQLException("Reading the audit chain failed: " + e.getMessage(), e);
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
    if (checked != headSeq || !AuditRows.text(prevHash).equals(headHash)) {
      return broken(
          checked, headSeq, headHash, checked + 1, "the head does not match the last event");
    }
    return new Verification(true, checked, headSeq, headHash, null, null);
  }

  /**
   * Reads what is left of a COPY that stops early (a broken chain found, or a failure): cancelling
   * it half-way would leave the driver's protocol state unusable for the rollback that follows. If
   * the stream itself failed there is nothing to read; closing it then cancels the COPY.
   */
  private static void drain(DataInputStream in) {
    try {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException streamAlreadyFailed) {
      // the IOException that stopped the reading is the one reported
    }
  }

  /** The binary COPY header: signature, flags, and an extension area to skip. */
  private static void skipHeader(DataInputStream in) throws IOException {
    byte[] signature = new byte[SIGNATURE.length];
    in.readFully(signature);
    if (!Arrays.equals(signature, SIGNATURE)) {
      throw new IOException("not a binary COPY stream");
    }
    in.readInt(); // flags: none that change the tuples
    in.skipNBytes(in.readInt());
  }

  /** The next tuple's fields (null where SQL NULL), or null after the last. */
  private static byte[][] nextRow(DataInputStream in) throws IOException {
    short count = in.readShort();
    if (count == -1) {
      return null;
    }
    if (count != FIELDS) {
      throw new IOException("a COPY tuple of " + count + " fields, not " + FIELDS);
    }
    byte[][] fields = new byte[FIELDS][];
    for (int i = 0; i < FIELDS; i++) {
      int length = in.readInt();
      if (length >= 0) {
        fields[i] = new byte[length];
        in.readFully(fields[i]);
      }
    }
    return fields;
  }

  /** What is wrong with one event, or null. */
  private static String check(
      AuditRecord r, long expectedSeq, String prevHash, String reason, MessageDigest sha) {
    if (r.seq() != expectedSeq) {
      return "event " + expectedSeq + " is missing";
    }
    if (!r.prevHash().equals(prevHash)) {
      return "prevHash does not match the previous event's hash";
    }
    byte[] actorDigest;
    try {
      actorDigest = AuditChain.actorDigest(r.actorSalt(), r.actor(), sha);
    } catch (IllegalArgumentException saltNotHex) {
      return "the actor was altered";
    }
    if (!AuditChain.isHexOf(actorDigest, r.actorDigest())) {
      return "the actor was altered";
    }
    if (reason != null
        && !AuditChain.reasonDigest(r.actorSalt(), reason)
            .equals(r.details().path("reasonDigest").asText())) {
      return "the reason was altered";
    }
    byte[] digest = AuditChain.eventDigest(r, sha);
    if (!AuditChain.isHexOf(digest, r.eventDigest())) {
      return "the event was altered";
    }
    if (!AuditChain.isHexOf(AuditChain.link(prevHash, digest, sha), r.hash())) {
      return "the hash does not link the event to its predecessor";
    }
    return null;
  }

  private static Verification broken(
      long checked, long headSeq, String headHash, long seq, String problem) {
    return new Verification(false, checked, headSeq, headHash, seq, problem);
  }
}
