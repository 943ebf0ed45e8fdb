package org.nrmreferrals.workflow;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.nrmreferrals.NrmConfig;

/** Days as the law counts them: dates in the jurisdiction's zone, from the injected clock. */
@Singleton
public class LegalDays {
  private final Clock clock;
  private final ZoneId zone;

  @Inject
  LegalDays(Clock clock, NrmConfig config) {
    this(clock, ZoneId.of(config.jurisdictionZone()));
  }

  public LegalDays(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), zone);
  }

  public LocalDate dayOf(Instant instant) {
    return LocalDate.ofInstant(instant, zone);
  }

  public ZoneId zone() {
    return zone;
  }
}
