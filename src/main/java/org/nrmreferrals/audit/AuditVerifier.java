package org.nrmreferrals.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

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

  AuditVerifier(DataSource dataSource) {
    this.dataSource = dataSource;
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

  private static Verification verify(Connection connection) throws SQLException {
    long headSeq;
    String headHash;
    try (PreparedStatement head = connection.prepareStatement("SELECT seq, hash FROM audit_head");
        ResultSet rs = head.executeQuery()) {
      rs.next();
      headSeq = rs.getLong(1);
      headHash = rs.getString(2);
    }
    long expected = 1;
    String prevHash = AuditChain.GENESIS;
    try (PreparedStatement query = connection.prepareStatement(EVENTS)) {
      query.setFetchSize(FETCH_SIZE);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          AuditRecord r = AuditRows.read(rs);
          String problem = check(r, expected, prevHash, rs.getString("reason"));
          if (problem != null) {
            return broken(expected - 1, headSeq, headHash, Math.min(r.seq(), expected), problem);
          }
          prevHash = r.hash();
          expected++;
        }
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
