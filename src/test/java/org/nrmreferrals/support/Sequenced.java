package org.nrmreferrals.support;

import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.nrmreferrals.audit.AuditSequencer;

/**
 * Sequences every committed audit event into the chain now, as the sequencer's next poll would
 * within nrm.audit.max-delay: for tests that read what only sequenced events reach (the feed,
 * webhooks, checkpoints, the verification, statistics), without sleeping for the poll.
 */
public final class Sequenced {
  private Sequenced() {}

  /**
   * Holds the sequencer back until closed (by holding its lock in a transaction of the test's own),
   * so that events stored meanwhile stay unsequenced.
   */
  public static AutoCloseable heldBack() throws SQLException {
    Connection c = Arc.container().instance(DataSource.class).get().getConnection();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("SELECT pg_advisory_xact_lock(" + AuditSequencer.LOCK + ")");
    }
    return () -> {
      c.rollback();
      c.close();
    };
  }

  public static void now() {
    try {
      Arc.container().instance(AuditSequencer.class).get().sequenceAll(true);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
