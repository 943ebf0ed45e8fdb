package org.nrmreferrals.statistics;

import static org.nrmreferrals.statistics.DimensionCodes.code;

import com.carrotsearch.hppc.IntArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.nrmreferrals.statistics.disclosure.QuickSelect;
import org.nrmreferrals.workflow.ReferralStatus;

/**
 * Median days, per group: referral to RG for cases awaiting a CG, RG to CG over a year; each as
 * {@link #middleMean}, never one case's own value (exact for a statistician).
 */
final class Medians {
  private static final int WINDOW_DAYS = 365;

  final CodedFacts s;
  final Layout layout;
  final int today;

  /** Cases awaiting a CG on the filters' slice, and their days from referral to RG. */
  private final int[] awaiting;

  private final int[] daysToRg;

  /** The referrals of the window's CG decisions on the slice, and their days from RG to CG. */
  private final int[] decidedSlots;

  private final int[] daysToCg;

  /** Codes per dimension of the awaiting cases and of the decisions' referrals. */
  private final Map<Dimension, int[]> awaitingCodes = new EnumMap<>(Dimension.class);

  private final Map<Dimension, int[]> decidedCodes = new EnumMap<>(Dimension.class);

  /** The groupings computed up front, by dimension list. */
  private final Map<List<Dimension>, Grouping> grouped = new HashMap<>();

  Medians(CodedFacts s, Layout layout, int today, List<List<Dimension>> sets) {
    this.s = s;
    this.layout = layout;
    this.today = today;
    byte rgPositive = (byte) ReferralStatus.RG_POSITIVE.ordinal();
    IntArrayList cases = new IntArrayList();
    for (int slot = 0; slot < s.slots; slot++) {
      if (s.status[slot] == rgPositive && s.rgDay[slot] >= 0 && layout.inSlice(slot)) {
        cases.add(slot);
      }
    }
    awaiting = cases.toArray();
    daysToRg = new int[awaiting.length];
    for (int i = 0; i < awaiting.length; i++) {
      daysToRg[i] = s.rgDay[awaiting[i]] - s.day[awaiting[i]];
    }
    IntArrayList decisions = new IntArrayList();
    for (int f = 0; f < s.decisions; f++) {
      int slot = s.decisionSlot[f];
      int day = s.decisionDay[f];
      if (s.decisionStage[f] == CodedFacts.CG
          && day > today - WINDOW_DAYS
          && day <= today
          && s.rgDay[slot] >= 0
          && s.rgDay[slot] <= day
          && layout.inSlice(slot)) {
        decisions.add(f);
      }
    }
    int[] decided = decisions.toArray();
    decidedSlots = new int[decided.length];
    daysToCg = new int[decided.length];
    for (int i = 0; i < decided.length; i++) {
      decidedSlots[i] = s.decisionSlot[decided[i]];
      daysToCg[i] = s.decisionDay[decided[i]] - s.rgDay[decidedSlots[i]];
    }
    for (List<Dimension> dims : sets) {
      grouped.put(dims, grouping(dims));
    }
  }

  /** The days of each group, by key, and the weights that make a key from codes. */
  private record Grouping(long[] weights, Grouped toRg, Grouped toCg) {}

  private Grouping grouping(List<Dimension> dims) {
    int[][] rgCodes = new int[dims.size()][];
    int[][] cgCodes = new int[dims.size()][];
    boolean[] multi = new boolean[dims.size()];
    long[] weights = new long[dims.size()];
    long w = 1;
    for (int i = dims.size() - 1; i >= 0; i--) {
      rgCodes[i] = codes(dims.get(i), awaiting, awaitingCodes);
      cgCodes[i] = codes(dims.get(i), decidedSlots, decidedCodes);
      multi[i] = dims.get(i).isMulti();
      weights[i] = w;
      w *= layout.domains.get(dims.get(i)).size();
    }
    return new Grouping(
        weights,
        Grouped.group(w, rgCodes, multi, weights, daysToRg),
        Grouped.group(w, cgCodes, multi, weights, daysToCg));
  }

  void attach(List<Dimension> dims, List<Map<String, Object>> rows, int threshold) {
    Grouping g = grouped.get(dims);
    if (g == null) {
      g = grouping(dims);
    }
    for (Map<String, Object> row : rows) {
      long key = 0;
      for (int i = 0; i < dims.size(); i++) {
        Object label = row.get(dims.get(i).wireName());
        int code =
            label instanceof Boolean b
                ? (b ? 1 : 0)
                : layout.domains.get(dims.get(i)).indexOf(String.valueOf(label));
        key += code * g.weights()[i];
      }
      if (row.get("count") != null) {
        putMedian(row, "medianDaysReferralToRg", g.toRg(), key, threshold);
      }
      putMedian(row, "medianDaysRgToCg", g.toCg(), key, threshold);
    }
  }

  /**
   * The codes of a dimension for these slots, read from the snapshot once per request (the margins
   * ask for the same dimensions again): sequential array reads afterwards.
   */
  private int[] codes(Dimension d, int[] slots, Map<Dimension, int[]> cache) {
    return cache.computeIfAbsent(
        d,
        dim -> {
          IntUnaryOperator code = code(s, dim);
          int[] out = new int[slots.length];
          for (int i = 0; i < slots.length; i++) {
            out[i] = code.applyAsInt(slots[i]);
          }
          return out;
        });
  }

  private void putMedian(
      Map<String, Object> row, String name, Grouped grouped, long key, int threshold) {
    int from = grouped.from(key);
    int n = grouped.to(key) - from;
    if (n <= 0 || n < threshold) {
      return;
    }
    int[] v = Arrays.copyOfRange(grouped.values, from, from + n);
    row.put(name, published(v, n, threshold));
  }

  /**
   * The median as published: the mean of the middle five values (six when there is an even number),
   * rounded to a whole day, so that it is never one case's own value. Rearranges v.
   */
  static long middleMean(int[] v, int n) {
    int k = Math.min(n, n % 2 == 1 ? 5 : 6);
    int lo = (n - k) / 2;
    int hi = lo + k - 1;
    long sum = 0;
    // Each select leaves the first j + 1 values the j + 1 smallest: the next looks among them.
    for (int j = hi, length = n; j >= lo; length = j, j--) {
      sum += QuickSelect.select(v, length, j);
    }
    return Math.round(sum / (double) k);
  }

  /**
   * A median as published: the middle mean, or the exact median for an exact read (threshold 1).
   * (Not a conditional expression: it would make the whole days a double.)
   */
  static Object published(int[] v, int n, int threshold) {
    if (threshold > 1) {
      return middleMean(v, n);
    }
    return median(v, n);
  }

  /** The exact median (for a statistician). Rearranges v. */
  static double median(int[] v, int n) {
    int upper = QuickSelect.select(v, n, n / 2);
    return n % 2 == 1 ? upper : (QuickSelect.select(v, n / 2, n / 2 - 1) + upper) / 2.0;
  }
}
