package org.nrmreferrals.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nrmreferrals.statistics.disclosure.CellKeyPerturbation;

/**
 * Publishes counts: suppressed ones as null (and marked), the others perturbed by their cell key
 * and rounded; keeps the tally. A statistician's publication is exact: nothing hidden or changed.
 */
final class Publication {
  private final int threshold;
  private final int roundingBase;
  private final CellKeyPerturbation perturbation;
  private final boolean exact;
  private int suppressed;

  Publication(int threshold, int roundingBase, CellKeyPerturbation perturbation) {
    this(threshold, roundingBase, perturbation, false);
  }

  private Publication(
      int threshold, int roundingBase, CellKeyPerturbation perturbation, boolean exact) {
    this.threshold = threshold;
    this.roundingBase = roundingBase;
    this.perturbation = perturbation;
    this.exact = exact;
  }

  /** Exact figures, for a statistician: no threshold, rounding or noise. */
  static Publication exact() {
    return new Publication(1, 1, null, true);
  }

  /** Puts a count (or null and a mark) under a name; returns what was published. */
  Integer put(Map<String, Object> row, String name, int count, int cellKey, boolean hidden) {
    if (hidden) {
      suppressed++;
      row.put(name, null);
      if (name.equals("count")) {
        row.put("suppressed", true);
      } else {
        @SuppressWarnings("unchecked")
        List<String> marks =
            (List<String>) row.computeIfAbsent("_suppressed", k -> new ArrayList<String>());
        marks.add(name);
      }
      return null;
    }
    int published = round(perturbation == null ? count : perturbation.perturb(count, cellKey));
    row.put(name, published);
    return published;
  }

  /** Moves the names of suppressed counts into the row's {@code suppressed} list. */
  void collectSuppressed(Map<String, Object> row) {
    Object marks = row.remove("_suppressed");
    if (marks != null) {
      row.put("suppressed", marks);
    }
  }

  int round(int count) {
    if (roundingBase <= 1) {
      return count;
    }
    return (int) (Math.round(count / (double) roundingBase) * roundingBase);
  }

  DisclosureControl summary() {
    if (exact) {
      return DisclosureControl.exactFigures();
    }
    return new DisclosureControl(
        threshold, roundingBase, perturbation == null ? 0 : perturbation.maxNoise(), suppressed);
  }
}
