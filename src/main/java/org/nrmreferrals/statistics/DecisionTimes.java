package org.nrmreferrals.statistics;

import static org.nrmreferrals.statistics.DimensionCodes.code;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongObjectHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * The median days from referral to decision of the decisions issued in a period, per decision stage
 * and group (the period grouped by is the decision's): given only over at least threshold
 * decisions, and as {@link Medians#middleMean}, never one case's own value.
 */
final class DecisionTimes {
  static final String MEDIAN = "medianDaysFromReferral";

  private final CodedFacts s;
  private final Layout layout;
  private final StatisticsQuery q;
  private final int threshold;
  private final int fromMonth;
  private int suppressed;

  /** The period's decisions of each stage on the slice, and their days from referral. */
  private final int[][] decisions = new int[Statistics.STAGES.size()][];

  private final int[][] days = new int[Statistics.STAGES.size()][];

  DecisionTimes(CodedFacts s, Layout layout, StatisticsQuery q, int threshold) {
    this.s = s;
    this.layout = layout;
    this.q = q;
    this.threshold = threshold;
    this.fromMonth = StatisticsSnapshot.monthIndex(q.from().getYear(), q.from().getMonthValue());
    int toMonth = StatisticsSnapshot.monthIndex(q.to().getYear(), q.to().getMonthValue());
    for (int stage = 0; stage < decisions.length; stage++) {
      IntArrayList facts = new IntArrayList();
      IntArrayList d = new IntArrayList();
      for (int f = 0; f < s.decisions; f++) {
        int slot = s.decisionSlot[f];
        if (s.decisionStage[f] == stage
            && s.decisionMonth[f] >= fromMonth
            && s.decisionMonth[f] <= toMonth
            && layout.inSlice(slot)) {
          facts.add(f);
          d.add(s.decisionDay[f] - s.day[slot]);
        }
      }
      decisions[stage] = facts.toArray();
      days[stage] = d.toArray();
    }
  }

  /** Rows over these dimensions: one per stage and group with decisions. */
  List<Map<String, Object>> rows(List<Dimension> dims) {
    Dimension time = dims.stream().filter(Dimension::isTime).findFirst().orElse(null);
    List<Periods.Period> periods = Periods.of(q, time);
    long[] weights = new long[dims.size()];
    int[] sizes = new int[dims.size()];
    long w = 1;
    for (int i = dims.size() - 1; i >= 0; i--) {
      Dimension d = dims.get(i);
      sizes[i] = d.isTime() ? periods.size() : layout.domains.get(d).size();
      weights[i] = w;
      w *= sizes[i];
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int stage = 0; stage < decisions.length; stage++) {
      LongObjectHashMap<IntArrayList> groups = group(stage, dims, time, weights);
      long[] keys = groups.keys().toArray();
      Arrays.sort(keys);
      if (dims.isEmpty() && keys.length == 0) {
        keys = new long[] {0};
        groups.put(0, new IntArrayList());
      }
      for (long key : keys) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("decision", Statistics.STAGES.get(stage));
        for (int i = 0; i < dims.size(); i++) {
          int c = (int) ((key / weights[i]) % sizes[i]);
          if (dims.get(i).isTime()) {
            row.put(dims.get(i).wireName(), periods.get(c).label());
          } else {
            layout.label(dims.get(i), c, row);
          }
        }
        IntArrayList values = groups.get(key);
        int n = values.size();
        if (n == 0) {
          row.put(MEDIAN, null);
        } else if (n < threshold) {
          row.put(MEDIAN, null);
          row.put("suppressed", true);
          suppressed++;
        } else {
          int[] v = values.toArray();
          row.put(MEDIAN, Medians.published(v, n, threshold));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  int suppressed() {
    return suppressed;
  }

  private LongObjectHashMap<IntArrayList> group(
      int stage, List<Dimension> dims, Dimension time, long[] weights) {
    IntUnaryOperator[] codes = new IntUnaryOperator[dims.size()];
    for (int i = 0; i < dims.size(); i++) {
      Dimension d = dims.get(i);
      codes[i] = d.isTime() ? null : code(s, d);
    }
    LongObjectHashMap<IntArrayList> groups = new LongObjectHashMap<>();
    int[] facts = decisions[stage];
    for (int i = 0; i < facts.length; i++) {
      int f = facts[i];
      add(groups, dims, codes, time, weights, f, 0, 0, days[stage][i]);
    }
    return groups;
  }

  /** Adds a decision's days under its key (once per code of a multi-valued dimension). */
  private void add(
      LongObjectHashMap<IntArrayList> groups,
      List<Dimension> dims,
      IntUnaryOperator[] codes,
      Dimension time,
      long[] weights,
      int f,
      int from,
      long key,
      int value) {
    if (from == dims.size()) {
      IntArrayList values = groups.get(key);
      if (values == null) {
        values = new IntArrayList();
        groups.put(key, values);
      }
      values.add(value);
      return;
    }
    Dimension d = dims.get(from);
    if (d.isTime()) {
      int period = period(time, s.decisionMonth[f]);
      add(groups, dims, codes, time, weights, f, from + 1, key + period * weights[from], value);
      return;
    }
    int code = codes[from].applyAsInt(s.decisionSlot[f]);
    if (d.isMulti()) {
      for (int set = code; set != 0; set &= set - 1) {
        long k = key + Integer.numberOfTrailingZeros(set) * weights[from];
        add(groups, dims, codes, time, weights, f, from + 1, k, value);
      }
    } else {
      add(groups, dims, codes, time, weights, f, from + 1, key + code * weights[from], value);
    }
  }

  /** The index of a month's period among {@link Periods#of}'s, for the time grouped by. */
  private int period(Dimension time, int month) {
    return switch (time) {
      case MONTH -> month - fromMonth;
      case QUARTER -> month / 3 - fromMonth / 3;
      default -> month / 12 - fromMonth / 12;
    };
  }
}
