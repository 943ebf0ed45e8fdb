package org.nrmreferrals.referral.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Idempotency records are kept at least a day, or the service does not start. */
class IdempotencyRetentionTest {
  @Test
  void refusesToStartWithARetentionUnder24Hours() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> IdempotencyRecords.checkedRetention(Duration.ofHours(1)));
    assertEquals("nrm.idempotency.retention must be at least 24 hours", e.getMessage());
    assertEquals(Duration.ofHours(24), IdempotencyRecords.checkedRetention(Duration.ofHours(24)));
  }
}
