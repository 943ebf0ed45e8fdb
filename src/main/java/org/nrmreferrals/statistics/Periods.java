package org.nrmreferrals.statistics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.nrmreferrals.statistics.disclosure.Cube;

/**
 * The periods of an answer, each as the fewest unit cells of the yearly cubes that cover it (whole
 * years, whole quarters, single months).
 */
final class Periods {
  /** A unit cell's place: a year's cube, a time level and the code at that level. */
  record Unit(int year, int level, int time) {}

  /** An output period: its label and the unit cells it sums. */
  record Period(Object label, List<Unit> units) {}

  private Periods() {}

  /** Periods of the answer: one per value of the time dimension grouped by, else one. */
  static List<Period> of(StatisticsQuery q, Dimension time) {
    if (q.from() == null) {
      return List.of(new Period(null, List.of(new Unit(0, Cube.YEAR, 0))));
    }
    int from = StatisticsSnapshot.monthIndex(q.from().getYear(), q.from().getMonthValue());
    int to = StatisticsSnapshot.monthIndex(q.to().getYear(), q.to().getMonthValue());
    List<Period> out = new ArrayList<>();
    if (time == null) {
      out.add(new Period(null, units(from, to)));
    } else if (time == Dimension.MONTH) {
      for (int m = from; m <= to; m++) {
        out.add(new Period(YearMonth.of(2000 + m / 12, m % 12 + 1).toString(), units(m, m)));
      }
    } else if (time == Dimension.QUARTER) {
      for (int quarter = from / 3; quarter <= to / 3; quarter++) {
        out.add(
            new Period(
                (2000 + quarter / 4) + "-Q" + (quarter % 4 + 1),
                units(Math.max(from, quarter * 3), Math.min(to, quarter * 3 + 2))));
      }
    } else {
      for (int year = from / 12; year <= to / 12; year++) {
        out.add(
            new Period(
                2000 + year, units(Math.max(from, year * 12), Math.min(to, year * 12 + 11))));
      }
    }
    return out;
  }

  /** The fewest unit cells covering months a to b: whole years, whole quarters, months. */
  private static List<Unit> units(int a, int b) {
    List<Unit> units = new ArrayList<>();
    for (int year = a / 12; year <= b / 12; year++) {
      int start = Math.max(a, year * 12);
      int end = Math.min(b, year * 12 + 11);
      if (start == year * 12 && end == year * 12 + 11) {
        units.add(new Unit(year, Cube.YEAR, 0));
        continue;
      }
      for (int m = start; m <= end; ) {
        if (m % 3 == 0 && m + 2 <= end) {
          units.add(new Unit(year, Cube.QUARTER, (m % 12) / 3));
          m += 3;
        } else {
          units.add(new Unit(year, Cube.MONTH, m % 12));
          m++;
        }
      }
    }
    return units;
  }
}
