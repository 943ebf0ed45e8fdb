package org.nrmreferrals.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Tokens;

/**
 * A read of personal data is committed to the audit trail (with other reads, in one transaction)
 * before its answer leaves, and a read that cannot be recorded shows nothing.
 */
@QuarkusTest
class ReadEventsTest {
  @Inject AgroalDataSource database;

  private long reads(String referralId) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select (select count(*) from audit_pending where referral_id = ?::uuid"
                    + " and action = 'referral.read') + (select count(*) from audit_event"
                    + " where referral_id = ?::uuid and action = 'referral.read')")) {
      s.setString(1, referralId);
      s.setString(2, referralId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void aReadIsCommittedToTheTrailBeforeItsAnswer() throws SQLException {
    String agency = Agencies.police();
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    assertEquals(0, reads(id));
    for (int i = 1; i <= 3; i++) {
      Api.as(Tokens.partner(agency)).get("/api/v1/referrals/" + id).then().statusCode(200);
      // Read at once from another connection: no waiting, the answer came after the commit.
      assertEquals(i, reads(id));
    }
    // A current copy (If-None-Match) shows nothing, and so records nothing.
    Api.as(Tokens.partner(agency))
        .header("If-None-Match", "\"0\"")
        .get("/api/v1/referrals/" + id)
        .then()
        .statusCode(304);
    assertEquals(3, reads(id));
  }

  @Test
  void aReadThatCannotBeRecordedShowsNothing() throws SQLException {
    String agency = Agencies.police();
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    String requestId = "read-unrecorded-" + UUID.randomUUID();
    try (Connection c = database.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        // Nothing can be added to the pending events while this is held: the read's event cannot
        // be stored within nrm.audit.read-wait (3 s in the tests, so this test waits that long).
        s.execute("LOCK TABLE audit_pending IN ACCESS EXCLUSIVE MODE");
        Api.as(Tokens.partner(agency))
            .header("X-Request-Id", requestId)
            .get("/api/v1/referrals/" + id)
            .then()
            .statusCode(503)
            .contentType("application/problem+json")
            .header("Retry-After", equalTo("1"))
            .body("type", equalTo("/problems/service-unavailable"))
            .body(not(containsString("Ana")))
            .body(not(containsString("Exception")));
      } finally {
        c.rollback();
      }
    }
    // Recorded again at once when the table is free; the refused read left no event.
    Api.as(Tokens.partner(agency))
        .get("/api/v1/referrals/" + id)
        .then()
        .statusCode(200)
        .body("potentialVictim.givenName", equalTo("Ana"));
    assertEquals(1, reads(id));
  }
}
