package org.nrmreferrals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** Which database failures are a passing condition (503 + Retry-After) and which are bugs. */
class ProblemsTest {
  private static RuntimeException wrapped(Throwable cause) {
    return new RuntimeException("in the repository", new IllegalStateException("flush", cause));
  }

  @Test
  void anUnreachableDatabaseIsUnavailable() {
    assertEquals(
        Problems.UNREACHABLE,
        Problems.unavailability(
            wrapped(
                new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT))));
    assertEquals(
        Problems.UNREACHABLE,
        Problems.unavailability(wrapped(new SQLException("terminating connection", "57P01"))));
    assertEquals(
        Problems.UNREACHABLE,
        Problems.unavailability(wrapped(new SQLTransientConnectionException("gone"))));
  }

  @Test
  void aCommitCutByTheDatabaseShuttingDownIsUnavailable() {
    // Narayana's RollbackException carries the driver's exception as a suppressed one.
    Exception rollback = new IllegalStateException("ARJUNA016053: Could not commit transaction.");
    Exception xa = new RuntimeException("XAException");
    xa.initCause(new SQLException("terminating connection due to administrator command", "57P01"));
    rollback.addSuppressed(xa);
    assertEquals(
        Problems.UNREACHABLE, Problems.unavailability(new RuntimeException("subclass", rollback)));
  }

  @Test
  void anOverloadedDatabaseIsBusy() {
    // Agroal's exception when no pooled connection frees up within the acquisition timeout.
    assertEquals(
        Problems.BUSY,
        Problems.unavailability(wrapped(new SQLException("Sorry, acquisition timeout!"))));
    for (String state : new String[] {"57014", "55P03", "53300", "40001", "40P01"}) {
      assertEquals(
          Problems.BUSY,
          Problems.unavailability(wrapped(new SQLException("refused", state))),
          state);
    }
  }

  @Test
  void otherFailuresAreBugsNotUnavailability() {
    assertNull(Problems.unavailability(wrapped(new SQLException("duplicate key", "23505"))));
    assertNull(Problems.unavailability(wrapped(new SQLException("syntax error", "42601"))));
    assertNull(Problems.unavailability(wrapped(new SQLException("no state"))));
    assertNull(Problems.unavailability(new IllegalStateException("a bug")));
  }
}
