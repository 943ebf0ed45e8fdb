package org.nrmreferrals.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Applies suppression and rounding to published counts, and keeps the tally. */
final class Publication {
  private final int threshold;
  private final int roundingBase;
  private int suppressed;

  Publication(int threshold, int roundingBase) {
    this.threshold = threshold;
    this.roundingBase = roundingBase;
  }

  /** Puts a count (or null and a mark) under a name; returns what was published. */
  Integer put(Map<String, Object> row, String name, int count, boolean hidden) {
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
    int published = round(count);
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
    return new DisclosureControl(threshold, roundingBase, suppressed);
  }
}
