package org.nrmreferrals.operations;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Settings of the Prometheus meters that the extensions register. */
class Metrics {

  /**
   * Request latencies per endpoint as histograms, so Prometheus can give percentiles over any
   * window and across replicas ({@code histogram_quantile} over {@code
   * http_server_requests_seconds_bucket}).
   */
  @Produces
  @Singleton
  MeterFilter requestLatencyHistograms() {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (id.getName().equals("http.server.requests")) {
          return DistributionStatisticConfig.builder()
              .percentilesHistogram(true)
              .build()
              .merge(config);
        }
        return config;
      }
    };
  }
}
