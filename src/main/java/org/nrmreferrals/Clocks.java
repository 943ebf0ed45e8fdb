package org.nrmreferrals;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.ClockProvider;
import java.time.Clock;

/** The one source of time; tests replace the default clock to pin dates. */
@ApplicationScoped
public class Clocks {

  @Produces
  @Singleton
  @DefaultBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Bean Validation's {@code @PastOrPresent} reads the same clock as the rest of the service. */
  @Produces
  @Singleton
  ClockProvider validationClock(Clock clock) {
    return () -> clock;
  }
}
