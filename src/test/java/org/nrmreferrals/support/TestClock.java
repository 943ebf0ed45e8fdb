package org.nrmreferrals.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock in tests: real time plus an offset a test may move forward to let statutory
 * periods pass. Tests that move it put it back with {@link #reset()}.
 */
@ApplicationScoped
public class TestClock {
  private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

  @Produces
  @Singleton
  Clock clock() {
    return new Shifted();
  }

  public static void advance(Duration by) {
    OFFSET.updateAndGet(d -> d.plus(by));
  }

  public static void reset() {
    OFFSET.set(Duration.ZERO);
  }

  /** The instant the service currently sees. */
  public static Instant now() {
    return Instant.now().plus(OFFSET.get());
  }

  private static final class Shifted extends Clock {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now();
    }
  }
}
