package org.nrmreferrals.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Iterator;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * Bench code, not a test: the maintained-library path for each of the three pieces of hand-written
 * code in the audit chain's verification, for {@link VerifierVariant} and {@link HandWrittenMicro}.
 * Each gives the same bytes or values as the hand-written code: {@link HandWrittenMicro} compares
 * them on every row it reads before it times anything, and every variant's verification of a valid
 * chain must find it valid.
 *
 * <ul>
 *   <li>canonical JSON: Jackson writes the event's public fields as text, the erdtman library
 *       parses and rewrites it ({@link #canonicalLibrary});
 *   <li>instants: {@link DateTimeFormatter} ({@link #timestampLibrary});
 *   <li>rows: {@code COPY ... (FORMAT csv)} parsed by Apache Commons CSV ({@link #fromCsv}), or
 *       pgjdbc's own ResultSet (in {@link VerifierVariant}).
 * </ul>
 */
final class LibraryPaths {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectReader TREE = JSON.readerFor(JsonNode.class);

  static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  /** PostgreSQL's ISO output of a timestamptz in a UTC session: fraction and minutes optional. */
  private static final DateTimeFormatter POSTGRES_TIMESTAMPTZ =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 6, true)
          .appendOffset("+HH:mm", "+00")
          .toFormatter();

  private LibraryPaths() {}

  // ---- instants

  static String timestampLibrary(Instant instant) {
    return MICROS.format(instant);
  }

  /**
   * The hand-written formatting that AuditChain.timestamp had until the formatter replaced it
   * (years 0 to 9999 written digit by digit, others through the formatter), kept here so that the
   * comparison can be rerun whichever one the service has.
   */
  static String timestampHand(Instant instant) {
    long seconds = instant.getEpochSecond();
    LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
    if (day.getYear() < 0 || day.getYear() > 9999) {
      return MICROS.format(instant);
    }
    int second = (int) Math.floorMod(seconds, 86_400);
    char[] text = "0000-00-00T00:00:00.000000Z".toCharArray();
    digits(text, 4, day.getYear());
    digits(text, 7, day.getMonthValue());
    digits(text, 10, day.getDayOfMonth());
    digits(text, 13, second / 3600);
    digits(text, 16, second / 60 % 60);
    digits(text, 19, second % 60);
    digits(text, 26, instant.getNano() / 1000);
    return new String(text);
  }

  private static void digits(char[] text, int end, int value) {
    for (int i = end - 1; value > 0; i--, value /= 10) {
      text[i] = (char) ('0' + value % 10);
    }
  }

  static String timestamp(Instant instant, boolean library) {
    return library ? timestampLibrary(instant) : timestampHand(instant);
  }

  // ---- canonical JSON

  /** The event's public fields as a tree, as the service built them before CanonicalJson. */
  static ObjectNode publicFields(AuditRecord e, boolean libraryInstant) {
    ObjectNode node = JSON.createObjectNode();
    node.put("seq", e.seq());
    node.put("occurredAt", timestamp(e.occurredAt(), libraryInstant));
    node.put("action", e.action());
    node.put("referralId", e.referralId() == null ? null : e.referralId().toString());
    node.put("agency", e.agency());
    node.put("actorRole", e.actorRole());
    node.put("actorAgency", e.actorAgency());
    node.put("actorDigest", e.actorDigest());
    node.put("fromStatus", e.fromStatus());
    node.put("toStatus", e.toStatus());
    node.put("requestId", e.requestId());
    node.set("details", e.details() == null ? JSON.createObjectNode() : e.details());
    return node;
  }

  /** Jackson writes the tree, the erdtman library parses and rewrites it: the earlier path. */
  static byte[] canonicalLibrary(AuditRecord e, boolean libraryInstant) {
    try {
      return new JsonCanonicalizer(JSON.writeValueAsString(publicFields(e, libraryInstant)))
          .getEncodedUTF8();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /**
   * The hand-written writer (CanonicalJson) over the event's public fields, as AuditChain's table,
   * with the chosen instant formatting.
   */
  private static CanonicalJson.Fields<AuditRecord> fields(boolean libraryInstant) {
    return AuditChain.publicFields(instant -> timestamp(instant, libraryInstant), true);
  }

  private static final CanonicalJson.Fields<AuditRecord> FIELDS_HAND_INSTANT = fields(false);
  private static final CanonicalJson.Fields<AuditRecord> FIELDS_LIBRARY_INSTANT = fields(true);

  /** The event's canonical bytes by the chosen paths. */
  static byte[] canonical(AuditRecord e, boolean libraryJson, boolean libraryInstant) {
    if (libraryJson) {
      return canonicalLibrary(e, libraryInstant);
    }
    return CanonicalJson.of(libraryInstant ? FIELDS_LIBRARY_INSTANT : FIELDS_HAND_INSTANT, e);
  }

  static byte[] eventDigest(
      AuditRecord e, MessageDigest sha, boolean libraryJson, boolean libraryInstant) {
    return sha.digest(canonical(e, libraryJson, libraryInstant));
  }

  // ---- rows from COPY (FORMAT csv), parsed by Commons CSV

  /**
   * PostgreSQL's CSV: NULL is an unquoted empty field, an empty string is quoted; with {@code
   * ALL_NON_NULL} Commons CSV tells them apart on reading.
   */
  static final CSVFormat POSTGRES_CSV = CSVFormat.POSTGRESQL_CSV;

  /** One COPY message (one row) of the verifier's columns in CSV: the fields as text. */
  static String[] csvFields(byte[] message) throws IOException {
    try (CSVParser parser =
        CSVParser.parse(new String(message, StandardCharsets.UTF_8), POSTGRES_CSV)) {
      Iterator<CSVRecord> records = parser.iterator();
      CSVRecord record = records.hasNext() ? records.next() : null;
      if (record == null || records.hasNext()) {
        throw new IOException("a COPY message that is not one CSV row");
      }
      String[] fields = new String[record.size()];
      for (int i = 0; i < fields.length; i++) {
        fields[i] = record.get(i);
      }
      return fields;
    }
  }

  /** The event from a CSV row's text fields, decoded by the JDK and Jackson. */
  static AuditRecord fromCsv(String[] f) throws IOException {
    return new AuditRecord(
        Long.parseLong(f[0]),
        OffsetDateTime.parse(f[1], POSTGRES_TIMESTAMPTZ).toInstant(),
        f[2],
        f[3] == null ? null : UUID.fromString(f[3]),
        f[4],
        f[5],
        f[6],
        f[7],
        f[8],
        f[9],
        f[10],
        f[11],
        f[12],
        f[13] == null ? null : TREE.readTree(f[13]),
        f[14],
        f[15],
        f[16]);
  }

  static JsonNode tree(String text) throws IOException {
    return TREE.readTree(text);
  }
}
