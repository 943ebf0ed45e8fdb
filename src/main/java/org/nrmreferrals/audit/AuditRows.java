package org.nrmreferrals.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Reads audit_event rows. */
final class AuditRows {
  static final String COLUMNS =
      "e.seq, e.occurred_at, e.action, e.referral_id, e.agency_code, e.actor, e.actor_role,"
          + " e.actor_agency, e.actor_salt, e.actor_digest, e.from_status, e.to_status,"
          + " e.request_id, e.details::text AS details, e.event_digest, e.prev_hash, e.hash";
  private static final ObjectMapper JSON = new ObjectMapper();

  private AuditRows() {}

  static AuditRecord read(ResultSet rs) throws SQLException {
    try {
      return new AuditRecord(
          rs.getLong("seq"),
          rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
          rs.getString("action"),
          rs.getObject("referral_id", UUID.class),
          rs.getString("agency_code"),
          rs.getString("actor"),
          rs.getString("actor_role"),
          rs.getString("actor_agency"),
          rs.getString("actor_salt"),
          rs.getString("actor_digest"),
          rs.getString("from_status"),
          rs.getString("to_status"),
          rs.getString("request_id"),
          JSON.readTree(rs.getString("details")),
          rs.getString("event_digest"),
          rs.getString("prev_hash"),
          rs.getString("hash"));
    } catch (JsonProcessingException e) {
      throw new SQLException("audit_event.details is not JSON at seq " + rs.getLong("seq"), e);
    }
  }
}
