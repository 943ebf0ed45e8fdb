package org.nrmreferrals.audit;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Bench code, not a test: the CPU cost per event of each hand-written piece and its library path,
 * without I/O, on one thread. Reads the chain's rows once (binary and CSV COPY messages, as the
 * verifier receives them), then times warm loops of a million events (the rows read, repeated).
 * {@code HandWrittenMicro JDBC_URL [ROWS]}.
 */
public final class HandWrittenMicro {
  private static final int WARMUP = 3;
  private static final int TIMED = 3;
  private static final int EVENTS = 1_000_000;

  private HandWrittenMicro() {}

  public static void main(String[] args) throws Exception {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(args[0]);
    ds.setUser("postgres");
    int limit = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    String select =
        "SELECT "
            + AuditRows.COLUMNS
            + ", r.reason FROM audit_event e LEFT JOIN audit_event_reason r ON r.seq = e.seq"
            + " WHERE e.seq <= "
            + limit
            + " ORDER BY e.seq";
    List<byte[]> binary = new ArrayList<>();
    List<byte[]> csv = new ArrayList<>();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      CopyOut copy =
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyOut("COPY (" + select + ") TO STDOUT (FORMAT binary)");
      byte[] m;
      boolean first = true;
      while ((m = copy.readFromCopy()) != null) {
        if (first) {
          int extension = ByteBuffer.wrap(m, 15, 4).getInt();
          m = Arrays.copyOfRange(m, 19 + extension, m.length);
          first = false;
        }
        if (ByteBuffer.wrap(m).getShort() != -1) {
          binary.add(m);
        }
      }
      copy =
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyOut("COPY (" + select + ") TO STDOUT (FORMAT csv)");
      while ((m = copy.readFromCopy()) != null) {
        csv.add(m);
      }
    }
    List<AuditRecord> records = new ArrayList<>();
    for (byte[] row : binary) {
      records.add(AuditRows.fromBinary(VerifierVariant.fields(row)));
    }
    // The library paths give the same values and bytes, checked on every row before timing.
    for (int i = 0; i < records.size(); i++) {
      AuditRecord r = records.get(i);
      if (!r.equals(LibraryPaths.fromCsv(LibraryPaths.csvFields(csv.get(i))))
          || !Arrays.equals(AuditChain.canonical(r, true), LibraryPaths.canonical(r, false, false))
          || !Arrays.equals(AuditChain.canonical(r, true), LibraryPaths.canonical(r, true, true))
          || !Arrays.equals(AuditChain.canonical(r, true), LibraryPaths.canonical(r, false, true))
          || !Arrays.equals(AuditChain.canonical(r, true), LibraryPaths.canonical(r, true, false))
          || !LibraryPaths.timestampHand(r.occurredAt())
              .equals(LibraryPaths.timestampLibrary(r.occurredAt()))) {
        throw new AssertionError("the library path differs at row " + i);
      }
    }
    System.out.printf(
        "%d rows read; every library path gives the hand-written values and bytes%n",
        records.size());
    Instant[] instants = records.stream().map(AuditRecord::occurredAt).toArray(Instant[]::new);
    AuditRecord[] events = records.toArray(AuditRecord[]::new);
    byte[][] binaryRows = binary.toArray(byte[][]::new);
    byte[][] csvRows = csv.toArray(byte[][]::new);
    MessageDigest sha = AuditChain.sha256();

    time(
        "instant, hand-written",
        i -> LibraryPaths.timestampHand(instants[i % instants.length]).length());
    time(
        "instant, DateTimeFormatter",
        i -> LibraryPaths.timestampLibrary(instants[i % instants.length]).length());
    time(
        "canonical JSON, hand-written",
        i -> LibraryPaths.canonical(events[i % events.length], false, false).length);
    time(
        "canonical JSON, hand-written writer + DateTimeFormatter",
        i -> LibraryPaths.canonical(events[i % events.length], false, true).length);
    time(
        "canonical JSON, Jackson text + erdtman library",
        i -> LibraryPaths.canonical(events[i % events.length], true, false).length);
    time(
        "canonical JSON, Jackson text + erdtman library + DateTimeFormatter",
        i -> LibraryPaths.canonical(events[i % events.length], true, true).length);
    time(
        "row decoding, binary COPY by hand",
        i -> AuditRows.fromBinary(VerifierVariant.fields(binaryRows[i % binaryRows.length])).seq());
    time(
        "row decoding, COPY csv + Commons CSV",
        i -> LibraryPaths.fromCsv(LibraryPaths.csvFields(csvRows[i % csvRows.length])).seq());
    time(
        "the rest of an event's check: actor digest, event digest (hand), link",
        i -> {
          AuditRecord r = events[i % events.length];
          byte[] actor = AuditChain.actorDigest(r.actorSalt(), r.actor(), sha);
          byte[] digest = LibraryPaths.eventDigest(r, sha, false, false);
          return actor[0] + AuditChain.link(r.prevHash(), digest, sha)[0];
        });
    System.exit(0);
  }

  /** A task that may throw, as the decoders do. */
  private interface Task {
    long run(int i) throws Exception;
  }

  private static void time(String name, Task task) throws Exception {
    double[] ns = new double[TIMED];
    long sink = 0;
    for (int round = 0; round < WARMUP + TIMED; round++) {
      long started = System.nanoTime();
      for (int i = 0; i < EVENTS; i++) {
        sink += task.run(i);
      }
      if (round >= WARMUP) {
        ns[round - WARMUP] = (System.nanoTime() - started) / (double) EVENTS;
      }
    }
    Arrays.sort(ns);
    System.out.printf(
        "%-72s %8.0f ns/event (median of %d; %.0f-%.0f)  [%d]%n",
        name, ns[TIMED / 2], TIMED, ns[0], ns[TIMED - 1], sink & 1);
  }
}
