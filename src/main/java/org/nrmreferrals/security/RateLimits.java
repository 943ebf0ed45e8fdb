package org.nrmreferrals.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.web.ProblemException;

/**
 * Per-caller request limits (Bucket4j token buckets): every request per caller by its role's
 * allowance, and besides that intake per agency and statistics per analyst. Each caller may spend a
 * minute's allowance at once and earns it back evenly over the minute; a spent allowance answers
 * 429 with the seconds until the next request would be taken. Buckets live in this instance: with
 * several replicas a caller's allowance is per replica (see docs/operations.md). Keys are agency
 * codes and token subjects of authenticated callers only, so the map stays as small as the set of
 * real callers.
 */
@ApplicationScoped
public class RateLimits {
  private final Limit intake;
  private final Limit statistics;
  private final Map<String, Limit> requests;

  RateLimits(NrmConfig config) {
    this.intake = new Limit("submissions by your agency", config.rateLimit().intakePerMinute());
    this.statistics = new Limit("statistics requests", config.rateLimit().statisticsPerMinute());
    NrmConfig.RateLimit.Requests perRole = config.rateLimit().requests();
    this.requests =
        Map.of(
            Roles.PARTNER, new Limit("requests by you", perRole.partner()),
            Roles.CASEWORKER, new Limit("requests by you", perRole.caseworker()),
            Roles.ANALYST, new Limit("requests by you", perRole.analyst()),
            Roles.STATISTICIAN, new Limit("requests by you", perRole.statistician()),
            Roles.ADMIN, new Limit("requests by you", perRole.admin()));
  }

  /**
   * Takes one request of any kind from the caller's allowance (by its role's limit and its token
   * subject), or refuses with 429.
   */
  public void request(String role, String subject) {
    Limit limit = requests.get(role);
    if (limit != null) {
      limit.take(subject);
    }
  }

  /** Takes one submission from the agency's allowance, or refuses with 429. */
  public void intake(String agencyCode) {
    intake.take(agencyCode);
  }

  /** Takes one statistics request from the analyst's allowance, or refuses with 429. */
  public void statistics(String subject) {
    statistics.take(subject);
  }

  private static final class Limit {
    private final String what;
    private final int perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    Limit(String what, int perMinute) {
      if (perMinute < 0) {
        throw new IllegalArgumentException("A rate limit must be 0 (off) or positive");
      }
      this.what = what;
      this.perMinute = perMinute;
    }

    void take(String key) {
      if (perMinute == 0) {
        return;
      }
      ConsumptionProbe probe =
          buckets.computeIfAbsent(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
      if (!probe.isConsumed()) {
        long seconds =
            TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999);
        throw ProblemException.tooManyRequests(
            "More than "
                + perMinute
                + " "
                + what
                + " in a minute; retry after the Retry-After seconds.",
            seconds);
      }
    }

    private Bucket newBucket() {
      return Bucket.builder()
          .addLimit(
              Bandwidth.builder()
                  .capacity(perMinute)
                  .refillGreedy(perMinute, Duration.ofMinutes(1))
                  .build())
          .build();
    }
  }
}
