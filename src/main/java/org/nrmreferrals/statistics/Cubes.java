package org.nrmreferrals.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nrmreferrals.statistics.Periods.Period;
import org.nrmreferrals.statistics.Periods.Unit;
import org.nrmreferrals.statistics.disclosure.Axis;
import org.nrmreferrals.statistics.disclosure.Cube;
import org.nrmreferrals.statistics.disclosure.Table;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.ProblemType;

/**
 * The protected cubes of a request and how their cells make up answers. An answer's cell sums unit
 * cells (a whole year, whole quarters, single months) and is published only if every one of them
 * is: so any period is answered from the same protected cells, and two overlapping periods subtract
 * to published cells only.
 */
final class Cubes {
  /** An internal axis's place in a request for sums: summed over, or grouped by. */
  static final int ABSENT = -2;

  static final int GROUPED = -1;

  /**
   * An axis of the cube that is not a dimension of the request (a decision's outcome, a case's age,
   * a request's grounds), with the labels of its codes.
   */
  record Internal(Axis axis, List<String> labels) {}

  /** The columns of a two-outcome table: all, the outcome coded 1, coded 0, and 1's share. */
  record OutcomeColumns(String all, String yes, String no, String share) {}

  final Layout layout;
  final Map<Integer, Cube> byYear;
  private final List<Internal> internal;

  Cubes(Layout layout, Map<Integer, Cube> byYear, List<Internal> internal) {
    this.layout = layout;
    this.byYear = byYear;
    this.internal = internal;
  }

  /** An output cell while it is summed: its codes, its count, whether any unit is hidden. */
  private static final class Sum {
    final int period;
    final int[] codes;
    int count;
    int cellKey;
    boolean suppressed;

    Sum(int period, int[] codes) {
      this.period = period;
      this.codes = codes;
    }
  }

  private Cube any() {
    return byYear.values().iterator().next();
  }

  /**
   * Sums the answer's cells over dims and the internal axes (each {@link #ABSENT}, {@link #GROUPED}
   * or fixed at a code; those not given are absent), on the filters' slice.
   */
  private List<Sum> sums(List<Dimension> dims, int... given) {
    int[] internalCodes = new int[internal.size()];
    Arrays.fill(internalCodes, ABSENT);
    System.arraycopy(given, 0, internalCodes, 0, given.length);
    Dimension time = dims.stream().filter(Dimension::isTime).findFirst().orElse(null);
    int mask = 0;
    for (int axis : layout.fixed.keySet()) {
      mask |= 1 << axis;
    }
    for (Dimension d : dims) {
      if (!d.isTime()) {
        mask |= 1 << layout.axisOf.get(d);
      }
    }
    for (int i = 0; i < internalCodes.length; i++) {
      if (internalCodes[i] != ABSENT) {
        mask |= 1 << internalAxis(i);
      }
    }
    List<Period> periods = Periods.of(layout.q, time);
    Map<List<Integer>, Sum> sums = new LinkedHashMap<>();
    for (int p = 0; p < periods.size(); p++) {
      for (Unit unit : periods.get(p).units()) {
        Cube t = byYear.get(unit.year());
        Table table = t.get(mask, unit.level());
        if (table.isWithheld()) {
          throw new ProblemException(
              ProblemType.DISCLOSURE_RISK,
              "no pattern of suppressed cells protects this breakdown"
                  + (unit.level() == Cube.YEAR
                      ? ""
                      : " by " + (unit.level() == Cube.MONTH ? "month" : "quarter"))
                  + (t.levels() == 1 ? "" : " in " + (2000 + unit.year()))
                  + " from disclosure; group by fewer dimensions"
                  + (unit.level() == Cube.YEAR ? "" : " or ask for whole years"));
        }
        for (int i = 0; i < table.size(); i++) {
          long key = table.keyAt(i);
          if (Cube.time(key) != unit.time() || !inSlice(t, key, internalCodes)) {
            continue;
          }
          int[] codes = new int[t.axisCount()];
          List<Integer> id = new ArrayList<>();
          id.add(p);
          for (int axis = 0; axis < codes.length; axis++) {
            codes[axis] = (mask & (1 << axis)) != 0 ? t.code(key, axis) : 0;
            id.add(codes[axis]);
          }
          int period = p;
          Sum sum = sums.computeIfAbsent(id, k -> new Sum(period, codes));
          sum.count += table.countAt(i);
          sum.cellKey += table.cellKeyAt(i);
          sum.suppressed |= table.hiddenAt(i);
        }
      }
    }
    List<Sum> out = new ArrayList<>();
    for (Sum sum : sums.values()) {
      if (sum.count > 0 || sum.suppressed) {
        out.add(sum);
      }
    }
    Comparator<Sum> order = (x, y) -> 0;
    for (Dimension d : dims) {
      order =
          d.isTime()
              ? order.thenComparingInt(x -> x.period)
              : order.thenComparingInt(x -> x.codes[layout.axisOf.get(d)]);
    }
    for (int i = 0; i < internalCodes.length; i++) {
      if (internalCodes[i] == GROUPED) {
        int axis = internalAxis(i);
        order = order.thenComparingInt(x -> x.codes[axis]);
      }
    }
    out.sort(order);
    return out;
  }

  private boolean inSlice(Cube t, long key, int[] internalCodes) {
    for (Map.Entry<Integer, Integer> f : layout.fixed.entrySet()) {
      if (t.code(key, f.getKey()) != f.getValue()) {
        return false;
      }
    }
    for (int i = 0; i < internalCodes.length; i++) {
      if (internalCodes[i] >= 0 && t.code(key, internalAxis(i)) != internalCodes[i]) {
        return false;
      }
    }
    return true;
  }

  /** The cube's axis of the i-th internal axis: they follow the request's dimensions. */
  private int internalAxis(int i) {
    return layout.coded.size() + i;
  }

  /** Labels the first internal axis's code, when grouped by it. */
  private void internalLabel(Sum sum, Map<String, Object> row) {
    Internal first = internal.get(0);
    row.put(first.axis().name(), first.labels().get(sum.codes[internalAxis(0)]));
  }

  /** Rows of counts; when grouped, the first internal axis is a column too. */
  List<Map<String, Object>> rows(List<Dimension> dims, Publication p, boolean grouped) {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Period> periods =
        Periods.of(layout.q, dims.stream().filter(Dimension::isTime).findFirst().orElse(null));
    for (Sum sum : grouped ? sums(dims, GROUPED) : sums(dims)) {
      Map<String, Object> row = new LinkedHashMap<>();
      labels(sum, dims, periods, row);
      if (grouped) {
        internalLabel(sum, row);
      }
      p.put(row, "count", sum.count, sum.cellKey, sum.suppressed);
      rows.add(row);
    }
    if (dims.isEmpty() && !grouped && rows.isEmpty()) {
      Map<String, Object> row = new LinkedHashMap<>();
      p.put(row, "count", 0, 0, false);
      rows.add(row);
    }
    return rows;
  }

  /**
   * Rows of a two-outcome table (the last internal axis, coded 0 or 1): all, each outcome, and the
   * share of 1 where published; each row led by {@code lead}'s value and, when grouped, labelled by
   * the first internal axis.
   */
  List<Map<String, Object>> outcomeRows(
      List<Dimension> dims,
      boolean grouped,
      Map.Entry<String, String> lead,
      OutcomeColumns columns,
      Publication p) {
    List<Period> periods =
        Periods.of(layout.q, dims.stream().filter(Dimension::isTime).findFirst().orElse(null));
    int group = grouped ? GROUPED : ABSENT;
    boolean twoInternal = internal.size() == 2;
    Map<List<Integer>, Sum> yes = index(twoInternal ? sums(dims, group, 1) : sums(dims, 1));
    Map<List<Integer>, Sum> no = index(twoInternal ? sums(dims, group, 0) : sums(dims, 0));
    List<Sum> all = twoInternal ? sums(dims, group, ABSENT) : sums(dims, ABSENT);
    if (dims.isEmpty() && !grouped && all.isEmpty()) {
      all.add(new Sum(0, new int[any().axisCount()]));
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Sum sum : all) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put(lead.getKey(), lead.getValue());
      labels(sum, dims, periods, row);
      if (grouped) {
        internalLabel(sum, row);
      }
      List<Integer> id = id(sum);
      Integer total = p.put(row, columns.all(), sum.count, sum.cellKey, sum.suppressed);
      Integer published = put(p, row, columns.yes(), yes.get(id));
      put(p, row, columns.no(), no.get(id));
      if (columns.share() != null && total != null && published != null && total > 0) {
        row.put(columns.share(), Math.round(1000.0 * published / total) / 1000.0);
      }
      p.collectSuppressed(row);
      rows.add(row);
    }
    return rows;
  }

  private static Integer put(Publication p, Map<String, Object> row, String name, Sum sum) {
    return sum == null
        ? p.put(row, name, 0, 0, false)
        : p.put(row, name, sum.count, sum.cellKey, sum.suppressed);
  }

  private Map<List<Integer>, Sum> index(List<Sum> sums) {
    Map<List<Integer>, Sum> out = new HashMap<>();
    for (Sum sum : sums) {
      out.put(id(sum), sum);
    }
    return out;
  }

  /** A sum's identity without the outcome axis (the last internal one). */
  private List<Integer> id(Sum sum) {
    List<Integer> id = new ArrayList<>();
    id.add(sum.period);
    for (int axis = 0; axis < internalAxis(internal.size() - 1); axis++) {
      id.add(sum.codes[axis]);
    }
    return id;
  }

  void labels(Sum sum, List<Dimension> dims, List<Period> periods, Map<String, Object> row) {
    for (Dimension d : dims) {
      if (d.isTime()) {
        row.put(d.wireName(), periods.get(sum.period).label());
      } else {
        layout.label(d, sum.codes[layout.axisOf.get(d)], row);
      }
    }
  }
}
