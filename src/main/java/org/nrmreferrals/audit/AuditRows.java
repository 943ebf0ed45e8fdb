package org.nrmreferrals.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Reads audit_event rows. */
final class AuditRows {
  /**
   * The select list's first columns wherever events are read; {@link #read} takes them by position.
   */
  static final String COLUMNS =
      "e.seq, e.occurred_at, e.action, e.referral_id, e.agency_code, e.actor, e.actor_role,"
          + " e.actor_agency, e.actor_salt, e.actor_digest, e.from_status, e.to_status,"
          + " e.request_id, e.details::text AS details, e.event_digest, e.prev_hash, e.hash";

  /**
   * The same select list over audit_pending: an event not yet sequenced has no seq, predecessor or
   * link (read as seq 0 and nulls).
   */
  static final String PENDING_COLUMNS =
      "NULL::bigint, p.occurred_at, p.action, p.referral_id, p.agency_code, p.actor, p.actor_role,"
          + " p.actor_agency, p.actor_salt, p.actor_digest, p.from_status, p.to_status,"
          + " p.request_id, p.details::text, p.event_digest, NULL::text, NULL::text";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads JSON trees without looking their type up on every call. */
  private static final ObjectReader TREE = JSON.readerFor(JsonNode.class);

  private AuditRows() {}

  /** The row's event, from {@link #COLUMNS} at the start of the select list, by position. */
  static AuditRecord read(ResultSet rs) throws SQLException {
    try {
      return new AuditRecord(
          rs.getLong(1),
          rs.getObject(2, OffsetDateTime.class).toInstant(),
          rs.getString(3),
          rs.getObject(4, UUID.class),
          rs.getString(5),
          rs.getString(6),
          rs.getString(7),
          rs.getString(8),
          rs.getString(9),
          rs.getString(10),
          rs.getString(11),
          rs.getString(12),
          rs.getString(13),
          TREE.readTree(rs.getString(14)),
          rs.getString(15),
          rs.getString(16),
          rs.getString(17));
    } catch (JsonProcessingException e) {
      throw new SQLException("audit_event.details is not JSON at seq " + rs.getLong(1), e);
    }
  }

  /** 2000-01-01T00:00Z, where PostgreSQL's binary timestamps count from, in Unix seconds. */
  private static final long POSTGRES_EPOCH = 946_684_800L;

  /**
   * The event from the first fields of a binary {@code COPY} row of {@link #COLUMNS}, as {@link
   * #read} reads a result row: int8 and timestamptz as 8 big-endian bytes (microseconds since
   * 2000-01-01 UTC, infinity as the extremes), uuid as its 16 bytes, text as UTF-8.
   */
  static AuditRecord fromBinary(byte[][] fields) throws IOException {
    return new AuditRecord(
        ByteBuffer.wrap(fields[0]).getLong(),
        instant(ByteBuffer.wrap(fields[1]).getLong()),
        text(fields[2]),
        uuid(fields[3]),
        text(fields[4]),
        text(fields[5]),
        text(fields[6]),
        text(fields[7]),
        text(fields[8]),
        text(fields[9]),
        text(fields[10]),
        text(fields[11]),
        text(fields[12]),
        TREE.readTree(fields[13]), // details::text, parsed from its UTF-8 bytes
        text(fields[14]),
        text(fields[15]),
        text(fields[16]));
  }

  static String text(byte[] utf8) {
    return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
  }

  private static UUID uuid(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return new UUID(buffer.getLong(), buffer.getLong());
  }

  private static Instant instant(long micros) {
    if (micros == Long.MAX_VALUE) {
      return OffsetDateTime.MAX.toInstant(); // 'infinity', as the driver reads it
    }
    if (micros == Long.MIN_VALUE) {
      return OffsetDateTime.MIN.toInstant();
    }
    return Instant.ofEpochSecond(
        POSTGRES_EPOCH + Math.floorDiv(micros, 1_000_000L),
        Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
