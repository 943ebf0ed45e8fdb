package org.nrmreferrals.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How long a verified token is kept: never past its expiry, and 30 seconds at most. */
class VerifiedTokensTest {
  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

  @Test
  void aTokenIsKeptUntilItsExpiryWhenThatIsSoon() {
    assertEquals(
        Duration.ofSeconds(10), VerifiedTokens.ttl(NOW.plusSeconds(10).getEpochSecond(), NOW));
  }

  @Test
  void aLongLivedTokenIsKeptThirtySecondsAtMost() {
    assertEquals(
        VerifiedTokens.MAX_AGE, VerifiedTokens.ttl(NOW.plusSeconds(3600).getEpochSecond(), NOW));
    assertEquals(Duration.ofSeconds(30), VerifiedTokens.MAX_AGE);
  }

  @Test
  void anExpiredTokenOrOneWithoutExpiryIsNotKept() {
    assertEquals(Duration.ZERO, VerifiedTokens.ttl(NOW.minusSeconds(1).getEpochSecond(), NOW));
    assertEquals(Duration.ZERO, VerifiedTokens.ttl(NOW.getEpochSecond(), NOW));
    assertEquals(Duration.ZERO, VerifiedTokens.ttl(0, NOW));
    assertEquals(Duration.ZERO, VerifiedTokens.ttl(Long.MIN_VALUE, NOW));
    assertEquals(VerifiedTokens.MAX_AGE, VerifiedTokens.ttl(Long.MAX_VALUE, NOW));
  }
}
