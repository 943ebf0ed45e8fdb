package org.nrmreferrals.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
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
import org.postgresql.copy.CopyOut;

/**
 * Recomputes the whole chain from the rows, as a superuser's edits would break it: a missing or
 * extra row breaks the seq run or the prevHash link, an altered column breaks its digest, and a
 * deleted tail leaves the head row pointing past the last event. Then checks the Merkle tree's
 * stored tiles against the proven digests ({@link TreeCheck}).
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

  private static final byte[] GENESIS = AuditChain.GENESIS.getBytes(StandardCharsets.US_ASCII);

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
   * A batch of rows as the COPY sent them, one tuple each, undecoded; the row before the batch
   * (null before the first event) gives its first event's predecessor hash.
   */
  private record Batch(long firstSeq, byte[] predecessor, List<byte[]> rows) {}

  /** Checks a batch: the first broken event's verification, or null. */
  private static Future<Verification> submit(
      Batch batch, long headSeq, String headHash, long receiptedAfter) {
    return CHECKERS.submit(
        () -> {
          MessageDigest sha = AuditChain.sha256();
          long expectedSeq = batch.firstSeq();
          byte[] prevHash =
              batch.predecessor() == null ? GENESIS : fields(batch.predecessor())[HASH];
          for (byte[] row : batch.rows()) {
            byte[][] fields = fields(row);
            AuditRecord r = AuditRows.fromBinary(fields);
            String reason = AuditRows.text(fields[REASON]);
            String problem =
                check(r, expectedSeq, AuditRows.text(prevHash), reason, receiptedAfter, sha);
            if (problem != null) {
              return broken(
                  expectedSeq - 1, headSeq, headHash, Math.min(r.seq(), expectedSeq), problem);
            }
            prevHash = fields[HASH];
            expectedSeq++;
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
    long receiptedAfter;
    try (PreparedStatement head =
            connection.prepareStatement("SELECT seq, hash, receipted_after FROM audit_head");
        ResultSet rs = head.executeQuery()) {
      rs.next();
      headSeq = rs.getLong(1);
      headHash = rs.getString(2);
      receiptedAfter = rs.getLong(3);
    }
    // One thread reads the rows in seq order; batches are checked on every core. The rows come
    // as a binary COPY, which PostgreSQL streams while they are checked (a cursor would wait for
    // each fetch), and in which every row is a message of its own ("CopyData messages (always
    // one per row)", in the protocol's description of copy-out): the reader only hands the
    // messages on, and the checkers split and decode them. Each event's check needs only the
    // event, the seq expected of it and the stored hash of the row before it, so the outcome is
    // the sequential one: the first problem in seq order.
    Deque<Future<Verification>> pending = new ArrayDeque<>();
    long read = 0;
    byte[] last = null;
    List<byte[]> rows = new ArrayList<>(batchSize);
    CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(COPY);
    boolean readToTheEnd = false;
    try {
      for (byte[] row = firstRow(copy); row != null; row = nextRow(copy)) {
        rows.add(row);
        read++;
        if (rows.size() == batchSize) {
          pending.add(
              submit(
                  new Batch(read - rows.size() + 1, last, rows),
                  headSeq,
                  headHash,
                  receiptedAfter));
          last = rows.get(rows.size() - 1);
          rows = new ArrayList<>(batchSize);
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
    } catch (IOException e) {
      cancel(pending);
      throw new SQLException("Reading the audit chain failed: " + e.getMessage(), e);
    } finally {
      if (!readToTheEnd) {
        drain(copy);
      }
    }
    if (!rows.isEmpty()) {
      pending.add(
          submit(new Batch(read - rows.size() + 1, last, rows), headSeq, headHash, receiptedAfter));
      last = rows.get(rows.size() - 1);
    }
    while (!pending.isEmpty()) {
      Verification broken = await(pending.poll());
      if (broken != null) {
        cancel(pending);
        return broken;
      }
    }
    byte[] lastHash;
    try {
      lastHash = last == null ? GENESIS : fields(last)[HASH];
    } catch (IOException e) {
      throw new SQLException("Reading the audit chain failed: " + e.getMessage(), e);
    }
    if (read != headSeq || !AuditRows.text(lastHash).equals(headHash)) {
      return broken(read, headSeq, headHash, read + 1, "the head does not match the last event");
    }
    TreeCheck.Problem tree = TreeCheck.check(connection, headSeq);
    if (tree != null) {
      return broken(read, headSeq, headHash, tree.seq(), tree.problem());
    }
    return new Verification(true, read, headSeq, headHash, null, null);
  }

  /**
   * Reads what is left of a COPY that stops early (a broken chain found, or a failure): cancelling
   * it half-way would leave the driver's protocol state unusable for the rollback that follows. If
   * the stream itself failed there is nothing to read.
   */
  private static void drain(CopyOut copy) {
    try {
      while (copy.readFromCopy() != null) {
        // discarded
      }
    } catch (SQLException streamAlreadyFailed) {
      // the failure that stopped the reading is the one reported
    }
  }

  /**
   * The first row: PostgreSQL sends the binary COPY's header (signature, flags, an extension area)
   * in the first row's message, so it is checked and cut off here.
   */
  private static byte[] firstRow(CopyOut copy) throws SQLException, IOException {
    byte[] message = copy.readFromCopy();
    if (message == null
        || message.length < SIGNATURE.length + 8
        || !Arrays.equals(message, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
      throw new IOException("not a binary COPY stream");
    }
    ByteBuffer header = ByteBuffer.wrap(message, SIGNATURE.length, 8);
    header.getInt(); // flags: none that change the tuples
    int extension = header.getInt();
    if (extension < 0 || extension > message.length - SIGNATURE.length - 8) {
      throw new IOException("a binary COPY header extension of " + extension + " bytes");
    }
    int start = SIGNATURE.length + 8 + extension;
    return tupleOrNull(copy, Arrays.copyOfRange(message, start, message.length));
  }

  /** The next row's tuple, or null after the last. */
  private static byte[] nextRow(CopyOut copy) throws SQLException, IOException {
    byte[] message = copy.readFromCopy();
    if (message == null) {
      throw new IOException("the COPY ended without its trailer");
    }
    return tupleOrNull(copy, message);
  }

  /**
   * A message's tuple, or null for the trailer that ends the rows; the COPY is then read to its
   * end, which frees the connection.
   */
  private static byte[] tupleOrNull(CopyOut copy, byte[] message) throws SQLException, IOException {
    if (message.length < 2) {
      throw new IOException("a COPY message of " + message.length + " bytes");
    }
    if (ByteBuffer.wrap(message).getShort() != -1) {
      return message;
    }
    if (copy.readFromCopy() != null) {
      throw new IOException("a COPY message after the trailer");
    }
    return null;
  }

  /**
   * A tuple's fields (null where SQL NULL): a field count, then each field as its length and its
   * bytes. A message that is not exactly one tuple of the COPY's fields is an error.
   */
  private static byte[][] fields(byte[] tuple) throws IOException {
    try {
      ByteBuffer in = ByteBuffer.wrap(tuple);
      short count = in.getShort();
      if (count != FIELDS) {
        throw new IOException("a COPY tuple of " + count + " fields, not " + FIELDS);
      }
      byte[][] fields = new byte[FIELDS][];
      for (int i = 0; i < FIELDS; i++) {
        int length = in.getInt();
        if (length >= 0) {
          fields[i] = new byte[length];
          in.get(fields[i]);
        }
      }
      if (in.hasRemaining()) {
        throw new IOException("a COPY message of more than one tuple");
      }
      return fields;
    } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
      throw new IOException("a COPY tuple cut short", e);
    }
  }

  /** What is wrong with one event, or null. */
  private static String check(
      AuditRecord r,
      long expectedSeq,
      String prevHash,
      String reason,
      long receiptedAfter,
      MessageDigest sha) {
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
    // Events written sequenced covered their seq; those written since, not (AuditChain). During a
    // rolling upgrade to V24 the previous release still appends sequenced events past the
    // boundary, in the old form: either form binds the event, the seq form its seq too.
    byte[] digest = AuditChain.eventDigest(r, r.seq() <= receiptedAfter, sha);
    if (!AuditChain.isHexOf(digest, r.eventDigest()) && r.seq() > receiptedAfter) {
      digest = AuditChain.eventDigest(r, true, sha);
    }
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
