package org.nrmreferrals.audit;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Bench code, not a test: {@link AuditVerifier}'s verification with each of its three hand-written
 * pieces switchable to a maintained library's path ({@link LibraryPaths}), so that {@code
 * bench/handwritten} can time each swapped in alone and all together. The structure is the
 * service's: one reader thread, batches of {@code batch} events checked on every core, the first
 * problem in seq order reported.
 *
 * <p>Rows: {@code binary} is the service's (binary COPY, fields split and decoded by hand on the
 * checkers); {@code csv} is {@code COPY (FORMAT csv)} with each row's message parsed by Commons CSV
 * on the checkers; {@code resultset} is pgjdbc's ResultSet over a cursor (fetch size {@code
 * verify.fetchSize}, default 5,000), the values read by the driver on the reader thread as {@link
 * AuditRows#read} reads them, the details' JSON parsed on the checkers.
 */
final class VerifierVariant {
  enum Rows {
    BINARY,
    CSV,
    RESULTSET
  }

  private static final String SELECT =
      "SELECT "
          + AuditRows.COLUMNS
          + ", r.reason FROM audit_event e LEFT JOIN audit_event_reason r ON r.seq = e.seq"
          + " ORDER BY e.seq";
  private static final String COPY_BINARY = "COPY (" + SELECT + ") TO STDOUT (FORMAT binary)";
  private static final String COPY_CSV = "COPY (" + SELECT + ") TO STDOUT (FORMAT csv)";

  private static final int FIELDS = 18;
  private static final int HASH = 16;
  private static final int REASON = 17;
  private static final byte[] SIGNATURE =
      "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] GENESIS = AuditChain.GENESIS.getBytes(StandardCharsets.US_ASCII);

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

  private final DataSource dataSource;
  private final int batchSize;
  private final Rows rows;
  private final boolean libraryJson;
  private final boolean libraryInstant;
  private final int fetchSize;

  VerifierVariant(
      DataSource dataSource,
      int batchSize,
      Rows rows,
      boolean libraryJson,
      boolean libraryInstant,
      int fetchSize) {
    this.dataSource = dataSource;
    this.batchSize = batchSize;
    this.rows = rows;
    this.libraryJson = libraryJson;
    this.libraryInstant = libraryInstant;
    this.fetchSize = fetchSize;
  }

  Verification verify() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        long headSeq;
        String headHash;
        try (PreparedStatement head =
                connection.prepareStatement("SELECT seq, hash FROM audit_head");
            ResultSet rs = head.executeQuery()) {
          rs.next();
          headSeq = rs.getLong(1);
          headHash = rs.getString(2);
        }
        return switch (rows) {
          case BINARY, CSV -> viaCopy(connection, headSeq, headHash);
          case RESULTSET -> viaResultSet(connection, headSeq, headHash);
        };
      } finally {
        connection.rollback();
      }
    }
  }

  // ---- the checker threads' work

  /** A row as the reader hands it on: COPY message bytes, or the driver's values. */
  private interface Decoder<R> {
    /** The row's event, its reason and its stored hash (the next row's prevHash). */
    Decoded decode(R row) throws IOException;

    /** The row's stored hash alone (of the row before a batch, and of the last row). */
    String hash(R row) throws IOException;
  }

  private record Decoded(AuditRecord event, String reason, String hash) {}

  /** A batch of rows; the row before it (null before the first) gives its first prevHash. */
  private record Batch<R>(long firstSeq, R predecessor, List<R> rows) {}

  private <R> Future<Verification> submit(
      Batch<R> batch, Decoder<R> decoder, long headSeq, String headHash) {
    return CHECKERS.submit(
        () -> {
          MessageDigest sha = AuditChain.sha256();
          long expectedSeq = batch.firstSeq();
          String prevHash =
              batch.predecessor() == null ? AuditChain.GENESIS : decoder.hash(batch.predecessor());
          for (R row : batch.rows()) {
            Decoded d = decoder.decode(row);
            String problem = check(d.event(), expectedSeq, prevHash, d.reason(), sha);
            if (problem != null) {
              return new Verification(
                  false,
                  expectedSeq - 1,
                  headSeq,
                  headHash,
                  Math.min(d.event().seq(), expectedSeq),
                  problem);
            }
            prevHash = d.hash();
            expectedSeq++;
          }
          return null;
        });
  }

  private String check(
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
    byte[] digest = LibraryPaths.eventDigest(r, sha, libraryJson, libraryInstant);
    if (!AuditChain.isHexOf(digest, r.eventDigest())) {
      return "the event was altered";
    }
    if (!AuditChain.isHexOf(AuditChain.link(prevHash, digest, sha), r.hash())) {
      return "the hash does not link the event to its predecessor";
    }
    return null;
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

  /** Adds a batch and waits while too many are in flight: the first broken one, or null. */
  private static Verification add(Deque<Future<Verification>> pending, Future<Verification> f) {
    pending.add(f);
    while (pending.size() >= IN_FLIGHT) {
      Verification broken = await(pending.poll());
      if (broken != null) {
        pending.forEach(p -> p.cancel(true));
        pending.clear();
        return broken;
      }
    }
    return null;
  }

  private static Verification finish(
      Deque<Future<Verification>> pending,
      long read,
      String lastHash,
      long headSeq,
      String headHash) {
    while (!pending.isEmpty()) {
      Verification broken = await(pending.poll());
      if (broken != null) {
        pending.forEach(p -> p.cancel(true));
        return broken;
      }
    }
    if (read != headSeq || !lastHash.equals(headHash)) {
      return new Verification(
          false, read, headSeq, headHash, read + 1, "the head does not match the last event");
    }
    return new Verification(true, read, headSeq, headHash, null, null);
  }

  // ---- COPY: binary (hand-written decoding) or CSV (Commons CSV)

  private Verification viaCopy(Connection connection, long headSeq, String headHash)
      throws SQLException {
    if (rows == Rows.CSV) {
      try (Statement s = connection.createStatement()) {
        s.execute("SET LOCAL TimeZone = 'UTC'"); // the timestamp text LibraryPaths parses
      }
    }
    Decoder<byte[]> decoder =
        rows == Rows.BINARY
            ? new Decoder<>() {
              @Override
              public Decoded decode(byte[] tuple) throws IOException {
                byte[][] fields = fields(tuple);
                return new Decoded(
                    AuditRows.fromBinary(fields),
                    AuditRows.text(fields[REASON]),
                    AuditRows.text(fields[HASH]));
              }

              @Override
              public String hash(byte[] tuple) throws IOException {
                return AuditRows.text(fields(tuple)[HASH]);
              }
            }
            : new Decoder<>() {
              @Override
              public Decoded decode(byte[] message) throws IOException {
                String[] fields = csv(message);
                return new Decoded(LibraryPaths.fromCsv(fields), fields[REASON], fields[HASH]);
              }

              @Override
              public String hash(byte[] message) throws IOException {
                return csv(message)[HASH];
              }
            };
    Deque<Future<Verification>> pending = new ArrayDeque<>();
    long read = 0;
    byte[] last = null;
    List<byte[]> batch = new ArrayList<>(batchSize);
    CopyOut copy =
        connection
            .unwrap(PGConnection.class)
            .getCopyAPI()
            .copyOut(rows == Rows.BINARY ? COPY_BINARY : COPY_CSV);
    try {
      byte[] row = rows == Rows.BINARY ? firstBinaryRow(copy) : copy.readFromCopy();
      while (row != null) {
        batch.add(row);
        read++;
        if (batch.size() == batchSize) {
          Verification broken =
              add(
                  pending,
                  submit(
                      new Batch<>(read - batch.size() + 1, last, batch),
                      decoder,
                      headSeq,
                      headHash));
          last = batch.get(batch.size() - 1);
          batch = new ArrayList<>(batchSize);
          if (broken != null) {
            drain(copy);
            return broken;
          }
        }
        row = rows == Rows.BINARY ? nextBinaryRow(copy) : copy.readFromCopy();
      }
    } catch (IOException e) {
      drain(copy);
      throw new SQLException("Reading the audit chain failed: " + e.getMessage(), e);
    }
    if (!batch.isEmpty()) {
      pending.add(
          submit(new Batch<>(read - batch.size() + 1, last, batch), decoder, headSeq, headHash));
      last = batch.get(batch.size() - 1);
    }
    try {
      return finish(
          pending, read, last == null ? AuditChain.GENESIS : decoder.hash(last), headSeq, headHash);
    } catch (IOException e) {
      throw new SQLException(e);
    }
  }

  private static String[] csv(byte[] message) throws IOException {
    String[] fields = LibraryPaths.csvFields(message);
    if (fields.length != FIELDS) {
      throw new IOException("a CSV row of " + fields.length + " fields");
    }
    return fields;
  }

  private static void drain(CopyOut copy) {
    try {
      if (copy.isActive()) {
        while (copy.readFromCopy() != null) {
          // discarded
        }
      }
    } catch (SQLException ignored) {
      // nothing to read
    }
  }

  private static byte[] firstBinaryRow(CopyOut copy) throws SQLException, IOException {
    byte[] message = copy.readFromCopy();
    if (message == null
        || message.length < SIGNATURE.length + 8
        || !Arrays.equals(message, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
      throw new IOException("not a binary COPY stream");
    }
    ByteBuffer header = ByteBuffer.wrap(message, SIGNATURE.length, 8);
    header.getInt();
    int extension = header.getInt();
    int start = SIGNATURE.length + 8 + extension;
    return tupleOrNull(copy, Arrays.copyOfRange(message, start, message.length));
  }

  private static byte[] nextBinaryRow(CopyOut copy) throws SQLException, IOException {
    byte[] message = copy.readFromCopy();
    if (message == null) {
      throw new IOException("the COPY ended without its trailer");
    }
    return tupleOrNull(copy, message);
  }

  private static byte[] tupleOrNull(CopyOut copy, byte[] message) throws SQLException, IOException {
    if (ByteBuffer.wrap(message).getShort() != -1) {
      return message;
    }
    if (copy.readFromCopy() != null) {
      throw new IOException("a COPY message after the trailer");
    }
    return null;
  }

  static byte[][] fields(byte[] tuple) throws IOException {
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

  // ---- pgjdbc's ResultSet over a cursor

  /** A row's values as the driver gives them; the details' JSON text is parsed by the checker. */
  private record DriverRow(Object[] values) {}

  private Verification viaResultSet(Connection connection, long headSeq, String headHash)
      throws SQLException {
    Decoder<DriverRow> decoder =
        new Decoder<>() {
          @Override
          public Decoded decode(DriverRow row) throws IOException {
            Object[] v = row.values();
            AuditRecord r =
                new AuditRecord(
                    (Long) v[0],
                    ((OffsetDateTime) v[1]).toInstant(),
                    (String) v[2],
                    (UUID) v[3],
                    (String) v[4],
                    (String) v[5],
                    (String) v[6],
                    (String) v[7],
                    (String) v[8],
                    (String) v[9],
                    (String) v[10],
                    (String) v[11],
                    (String) v[12],
                    LibraryPaths.tree((String) v[13]),
                    (String) v[14],
                    (String) v[15],
                    (String) v[16]);
            return new Decoded(r, (String) v[17], r.hash());
          }

          @Override
          public String hash(DriverRow row) {
            return (String) row.values()[HASH];
          }
        };
    Deque<Future<Verification>> pending = new ArrayDeque<>();
    long read = 0;
    DriverRow last = null;
    List<DriverRow> batch = new ArrayList<>(batchSize);
    try (PreparedStatement query = connection.prepareStatement(SELECT)) {
      query.setFetchSize(fetchSize);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          Object[] v = new Object[FIELDS];
          v[0] = rs.getLong(1);
          v[1] = rs.getObject(2, OffsetDateTime.class);
          v[2] = rs.getString(3);
          v[3] = rs.getObject(4, UUID.class);
          for (int i = 5; i <= FIELDS; i++) {
            v[i - 1] = rs.getString(i);
          }
          batch.add(new DriverRow(v));
          read++;
          if (batch.size() == batchSize) {
            Verification broken =
                add(
                    pending,
                    submit(
                        new Batch<>(read - batch.size() + 1, last, batch),
                        decoder,
                        headSeq,
                        headHash));
            last = batch.get(batch.size() - 1);
            batch = new ArrayList<>(batchSize);
            if (broken != null) {
              return broken;
            }
          }
        }
      }
    }
    if (!batch.isEmpty()) {
      pending.add(
          submit(new Batch<>(read - batch.size() + 1, last, batch), decoder, headSeq, headHash));
      last = batch.get(batch.size() - 1);
    }
    return finish(
        pending,
        read,
        last == null ? AuditChain.GENESIS : (String) last.values()[HASH],
        headSeq,
        headHash);
  }
}
