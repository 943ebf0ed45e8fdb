package org.nrmreferrals.support;

import io.quarkus.arc.Arc;
import java.sql.SQLException;
import org.nrmreferrals.audit.AuditSequencer;

/**
 * Sequences every committed audit event into the chain now, as the sequencer's next poll would
 * within nrm.audit.max-delay: for tests that read what only sequenced events reach (the feed,
 * webhooks, checkpoints, the verification, statistics), without sleeping for the poll.
 */
public final class Sequenced {
  private Sequenced() {}

  public static void now() {
    try {
      Arc.container().instance(AuditSequencer.class).get().sequenceAll(true);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
