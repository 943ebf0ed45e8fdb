package org.nrmreferrals.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.statistics.disclosure.CellKeyPerturbation;

/**
 * How a query is answered: with disclosure control (threshold and secondary suppression, the
 * cell-key method, rounding), or exactly for a statistician.
 */
@ApplicationScoped
class Protection {
  private final int threshold;
  private final int roundingBase;
  private final CellKeyPerturbation perturbation;
  private final long maxProtectNanos;

  Protection(NrmConfig config) {
    NrmConfig.Statistics statistics = config.statistics();
    this.threshold = statistics.threshold();
    this.roundingBase = statistics.roundingBase();
    if (threshold < 1 || roundingBase < 1) {
      throw new IllegalStateException(
          "nrm.statistics.threshold and nrm.statistics.rounding-base must be at least 1");
    }
    int maxNoise = statistics.perturbation().maxNoise();
    double variance = statistics.perturbation().variance();
    if (maxNoise < 0 || maxNoise > 10 || variance < 0) {
      throw new IllegalStateException(
          "nrm.statistics.perturbation.max-noise must be from 0 to 10 and variance at least 0");
    }
    this.perturbation =
        maxNoise == 0 ? null : new CellKeyPerturbation(maxNoise, variance, threshold);
    this.maxProtectNanos = statistics.maxProtectMillis() * 1_000_000L;
    if (maxProtectNanos <= 0) {
      throw new IllegalStateException("nrm.statistics.max-protect-millis must be positive");
    }
  }

  /** The layout of a question over a release's facts, with the time its protection may take. */
  Layout layout(CodedFacts s, StatisticsQuery q) {
    return new Layout(s, q, threshold(q), System.nanoTime() + maxProtectNanos);
  }

  /** The smallest count published: 1 (everything) for an exact read. */
  int threshold(StatisticsQuery q) {
    return q.exact() ? 1 : threshold;
  }

  /** A fresh publication for one answer. */
  Publication publication(StatisticsQuery q) {
    return q.exact() ? Publication.exact() : new Publication(threshold, roundingBase, perturbation);
  }
}
