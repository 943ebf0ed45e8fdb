package org.nrmreferrals.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
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

  private static final ObjectMapper JSON = new ObjectMapper();

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
          JSON.readTree(rs.getString(14)),
          rs.getString(15),
          rs.getString(16),
          rs.getString(17));
    } catch (JsonProcessingException e) {
      throw new SQLException("audit_event.details is not JSON at seq " + rs.getLong(1), e);
    }
  }
}
