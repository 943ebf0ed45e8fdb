package org.nrmreferrals.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nrmreferrals.reference.Countries;
import org.nrmreferrals.statistics.Periods.Period;
import org.nrmreferrals.statistics.Periods.Unit;
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
  final Layout layout;
  final Map<Integer, Cube> byYear;

  Cubes(Layout layout, Map<Integer, Cube> byYear) {
    this.layout = layout;
    this.byYear = byYear;
  }

  /** An output cell while it is summed: its codes, its count, whether any unit is hidden. */
  private static final class Sum {
    final int period;
    final int[] codes;
    int count;
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
   * Sums the answer's cells over dims (and an internal axis: grouped when its code is -1, fixed
   * otherwise, left out when absent), on the filters' slice.
   */
  private List<Sum> sums(List<Dimension> dims, int internalAxis, int internalCode) {
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
    if (internalAxis >= 0) {
      mask |= 1 << internalAxis;
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
          if (Cube.time(key) != unit.time() || !inSlice(t, key, internalAxis, internalCode)) {
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
    if (internalAxis >= 0 && internalCode < 0) {
      order = order.thenComparingInt(x -> x.codes[internalAxis]);
    }
    out.sort(order);
    return out;
  }

  private boolean inSlice(Cube t, long key, int internalAxis, int internalCode) {
    for (Map.Entry<Integer, Integer> f : layout.fixed.entrySet()) {
      if (t.code(key, f.getKey()) != f.getValue()) {
        return false;
      }
    }
    return internalAxis < 0 || internalCode < 0 || t.code(key, internalAxis) == internalCode;
  }

  private int internalAxis() {
    return layout.coded.size();
  }

  /** Rows of counts; with ageOfCase, the internal axis is a column too. */
  List<Map<String, Object>> rows(List<Dimension> dims, Publication p, boolean withAgeOfCase) {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Period> periods =
        Periods.of(layout.q, dims.stream().filter(Dimension::isTime).findFirst().orElse(null));
    for (Sum sum : sums(dims, withAgeOfCase ? internalAxis() : -1, -1)) {
      Map<String, Object> row = new LinkedHashMap<>();
      labels(sum, dims, periods, row);
      if (withAgeOfCase) {
        row.put("ageOfCase", Statistics.AGES_OF_CASE.get(sum.codes[internalAxis()]));
      }
      p.put(row, "count", sum.count, sum.suppressed);
      rows.add(row);
    }
    if (dims.isEmpty() && !withAgeOfCase && rows.isEmpty()) {
      Map<String, Object> row = new LinkedHashMap<>();
      p.put(row, "count", 0, false);
      rows.add(row);
    }
    return rows;
  }

  /** Decision rows: issued, positive and negative, and the share positive where published. */
  List<Map<String, Object>> decisionRows(List<Dimension> dims, String stage, Publication p) {
    List<Period> periods =
        Periods.of(layout.q, dims.stream().filter(Dimension::isTime).findFirst().orElse(null));
    Map<List<Integer>, Sum> positives = index(sums(dims, internalAxis(), 1));
    Map<List<Integer>, Sum> negatives = index(sums(dims, internalAxis(), 0));
    List<Sum> issued = sums(dims, -1, -1);
    if (dims.isEmpty() && issued.isEmpty()) {
      issued.add(new Sum(0, new int[any().axisCount()]));
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Sum sum : issued) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("decision", stage);
      labels(sum, dims, periods, row);
      List<Integer> id = id(sum);
      Integer all = p.put(row, "issued", sum.count, sum.suppressed);
      Sum pos = positives.get(id);
      Integer positive =
          p.put(row, "positive", pos == null ? 0 : pos.count, pos != null && pos.suppressed);
      Sum neg = negatives.get(id);
      p.put(row, "negative", neg == null ? 0 : neg.count, neg != null && neg.suppressed);
      if (all != null && positive != null && all > 0) {
        row.put("positiveShare", Math.round(1000.0 * positive / all) / 1000.0);
      }
      p.collectSuppressed(row);
      rows.add(row);
    }
    return rows;
  }

  private Map<List<Integer>, Sum> index(List<Sum> sums) {
    Map<List<Integer>, Sum> out = new HashMap<>();
    for (Sum sum : sums) {
      out.put(id(sum), sum);
    }
    return out;
  }

  /** A sum's identity without the internal axis. */
  private List<Integer> id(Sum sum) {
    List<Integer> id = new ArrayList<>();
    id.add(sum.period);
    for (int axis = 0; axis < layout.coded.size(); axis++) {
      id.add(sum.codes[axis]);
    }
    return id;
  }

  void labels(Sum sum, List<Dimension> dims, List<Period> periods, Map<String, Object> row) {
    for (Dimension d : dims) {
      if (d.isTime()) {
        row.put(d.wireName(), periods.get(sum.period).label());
        continue;
      }
      int code = sum.codes[layout.axisOf.get(d)];
      if (d == Dimension.COUNTY_LINES) {
        row.put(d.wireName(), code == 1);
      } else {
        String value = layout.domains.get(d).get(code);
        row.put(d.wireName(), value);
        if (d.isCountry()) {
          String name = Countries.name(value);
          row.put(d.wireName() + "Name", name == null ? "Not specified" : name);
        }
      }
    }
  }
}
