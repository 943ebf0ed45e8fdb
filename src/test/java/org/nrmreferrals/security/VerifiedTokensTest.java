package org.nrmreferrals.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How long a verified token is kept: never past its expiry or its maximum age, and 30 seconds at
 * most.
 */
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

  @Test
  void aTokenIsNotKeptPastItsMaximumAge() {
    long iat = NOW.minusSeconds(3590).getEpochSecond();
    long exp = NOW.plusSeconds(3600).getEpochSecond();
    long deadline = VerifiedTokens.deadline(exp, iat, Optional.of(3600L));
    assertEquals(NOW.plusSeconds(10).getEpochSecond(), deadline);
    assertEquals(Duration.ofSeconds(10), VerifiedTokens.ttl(deadline, NOW));
    long tooOld =
        VerifiedTokens.deadline(exp, NOW.minusSeconds(3601).getEpochSecond(), Optional.of(3600L));
    assertEquals(Duration.ZERO, VerifiedTokens.ttl(tooOld, NOW));
  }

  @Test
  void withoutAMaximumAgeTheExpiryDecides() {
    assertEquals(42L, VerifiedTokens.deadline(42L, 0L, Optional.empty()));
    assertEquals(42L, VerifiedTokens.deadline(42L, Long.MAX_VALUE, Optional.of(3600L)));
    assertEquals(Long.MIN_VALUE, VerifiedTokens.deadline(42L, Long.MIN_VALUE, Optional.of(-1L)));
  }
}
