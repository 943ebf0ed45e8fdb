package org.nrmreferrals.statistics.disclosure;

/**
 * The cell-key method (ABS, ONS): every record carries a fixed random 32-bit key; a cell's key is
 * the sum of its records' keys (mod 2^32), so the same records always make the same cell key, and a
 * published count is the true count plus a noise looked up by that key. Asking again, or asking for
 * the same records another way (a quarter as its months, a filter as a row), gives the same noise:
 * repeating or re-slicing averages nothing away, and two cells that differ by one person differ by
 * that person plus two unknown noises.
 *
 * <p>The noise of a count c is at most {@code maxNoise} either way and never takes a count below
 * the threshold (smaller counts are suppressed, so a published count under it would give its cell
 * away): it lies in [-m, m] with m = min(maxNoise, c - threshold). Its distribution is symmetric
 * (so unbiased) and of maximal entropy for the variance asked, p(x) proportional to exp(-lambda
 * x^2), or uniform over [-m, m] when the variance asked is more than [-m, m] allows. A count at the
 * threshold is published as it is; zero is never perturbed.
 */
public final class CellKeyPerturbation {
  private final int maxNoise;
  private final int threshold;

  /** Cumulative probabilities by m (0 to maxNoise), over noises -m to m. */
  private final double[][] cumulative;

  /**
   * @param maxNoise the largest noise either way (0 perturbs nothing)
   * @param variance the noise's variance where the range allows it
   * @param threshold the smallest count published
   */
  public CellKeyPerturbation(int maxNoise, double variance, int threshold) {
    if (maxNoise < 0 || variance < 0 || threshold < 1) {
      throw new IllegalArgumentException("maxNoise, variance >= 0 and threshold >= 1 expected");
    }
    this.maxNoise = maxNoise;
    this.threshold = threshold;
    this.cumulative = new double[maxNoise + 1][];
    for (int m = 0; m <= maxNoise; m++) {
      double[] p = distribution(m, variance);
      double[] c = new double[p.length];
      double sum = 0;
      for (int i = 0; i < p.length; i++) {
        sum += p[i];
        c[i] = sum;
      }
      c[p.length - 1] = 1.0;
      cumulative[m] = c;
    }
  }

  /** The probabilities of noises -m to m: maximal entropy, symmetric, of the variance asked. */
  static double[] distribution(int m, double variance) {
    double[] p = new double[2 * m + 1];
    double uniform = m * (m + 1) / 3.0;
    if (m == 0 || variance >= uniform) {
      java.util.Arrays.fill(p, 1.0 / p.length);
      return p;
    }
    // Variance falls as lambda grows: bisect for the lambda that gives the variance asked.
    double lo = 0;
    double hi = 64;
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      if (variance(m, mid) > variance) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double lambda = (lo + hi) / 2;
    double z = 0;
    for (int x = -m; x <= m; x++) {
      z += Math.exp(-lambda * x * x);
    }
    for (int x = -m; x <= m; x++) {
      p[x + m] = Math.exp(-lambda * x * x) / z;
    }
    return p;
  }

  private static double variance(int m, double lambda) {
    double z = 0;
    double v = 0;
    for (int x = -m; x <= m; x++) {
      double w = Math.exp(-lambda * x * x);
      z += w;
      v += w * x * x;
    }
    return v / z;
  }

  /** The noise of a cell of this count and cell key. */
  public int noise(int count, int cellKey) {
    if (count < threshold) {
      return 0;
    }
    int m = Math.min(maxNoise, count - threshold);
    double[] c = cumulative[m];
    double u = Integer.toUnsignedLong(cellKey) / 4294967296.0;
    for (int i = 0; i < c.length; i++) {
      if (u < c[i]) {
        return i - m;
      }
    }
    return m;
  }

  /** The count as published: the true count plus its cell's noise. */
  public int perturb(int count, int cellKey) {
    return count + noise(count, cellKey);
  }

  public int maxNoise() {
    return maxNoise;
  }
}
