package org.nrmreferrals;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The service's own settings, under the {@code nrm.} prefix of application.properties. */
@ConfigMapping(prefix = "nrm")
public interface NrmConfig {

  /** Zone in which the law counts days and years (reference numbers, date filters). */
  @WithDefault("Europe/London")
  String jurisdictionZone();

  /** Largest request body the API accepts; larger bodies get 413. */
  @WithDefault("262144")
  int maxRequestBytes();

  /** Idempotency-Key settings. */
  Idempotency idempotency();

  /** Cursor pagination settings. */
  Pagination pagination();

  /** Embedded PostgreSQL for the dev profile (read before the application starts). */
  EmbeddedPostgres embeddedPostgres();

  /** How long idempotency records are kept; at least 24 hours. */
  interface Idempotency {
    @WithDefault("P2D")
    Duration retention();
  }

  /** Page sizes for list endpoints. */
  interface Pagination {
    @WithDefault("50")
    int defaultLimit();

    @WithDefault("200")
    int maxLimit();
  }

  /** Where the dev profile's embedded PostgreSQL keeps its data, and its port. */
  interface EmbeddedPostgres {
    Optional<String> dataDirectory();

    Optional<Integer> port();
  }
}
