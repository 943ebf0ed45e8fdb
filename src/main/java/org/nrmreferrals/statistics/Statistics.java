package org.nrmreferrals.statistics;

import com.carrotsearch.hppc.IntArrayList;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.reference.Countries;
import org.nrmreferrals.statistics.disclosure.Axis;
import org.nrmreferrals.statistics.disclosure.Cube;
import org.nrmreferrals.statistics.disclosure.Facts;
import org.nrmreferrals.statistics.disclosure.QuickSelect;
import org.nrmreferrals.statistics.disclosure.Table;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.ProblemType;
import org.nrmreferrals.workflow.LegalDays;
import org.nrmreferrals.workflow.ReferralStatus;

/** Builds the three statistics tables from the snapshot, with disclosure control applied. */
@ApplicationScoped
class Statistics {
  static final List<String> OUTCOMES = List.of("NEGATIVE", "POSITIVE");
  static final List<String> STAGES = List.of("REASONABLE_GROUNDS", "CONCLUSIVE_GROUNDS");

  /** Age of a case awaiting its CG decision, in days since referral: upper bounds. */
  static final List<String> AGES_OF_CASE =
      List.of("DAYS_0_90", "DAYS_91_182", "DAYS_183_365", "DAYS_366_730", "DAYS_731_OR_MORE");

  private static final int[] AGE_OF_CASE_UPPER = {90, 182, 365, 730};
  private static final int WINDOW_DAYS = 365;

  private final StatisticsSnapshot snapshot;
  private final LegalDays days;
  private final int threshold;
  private final int roundingBase;

  Statistics(StatisticsSnapshot snapshot, LegalDays days, NrmConfig config) {
    this.snapshot = snapshot;
    this.days = days;
    this.threshold = config.statistics().threshold();
    this.roundingBase = config.statistics().roundingBase();
    if (threshold < 1 || roundingBase < 1) {
      throw new IllegalStateException(
          "nrm.statistics.threshold and nrm.statistics.rounding-base must be at least 1");
    }
  }

  YearMonth thisMonth() {
    return YearMonth.from(days.today());
  }

  // ---- the three tables ----

  StatisticsTable referrals(StatisticsQuery q) {
    return snapshot.read(
        s -> {
          Layout layout = new Layout(s, q);
          short[] month = s.month;
          Cubes cubes =
              layout.cubes(
                  year -> facts(s.slots, f -> month[f] - year * 12), IntUnaryOperator.identity());
          Publication p = new Publication();
          List<Map<String, Object>> rows = cubes.rows(q.groupBy(), p, false);
          List<Margin> margins = new ArrayList<>();
          for (List<Dimension> subset : properSubsets(q.groupBy())) {
            margins.add(new Margin(wireNames(subset), cubes.rows(subset, p, false)));
          }
          Map<String, Object> total = cubes.rows(List.of(), p, false).get(0);
          return new StatisticsTable(
              s.asOf(),
              q.from().toString(),
              q.to().toString(),
              wireNames(q.groupBy()),
              filters(q),
              rows,
              margins,
              total,
              p.summary());
        });
  }

  DecisionTable decisions(StatisticsQuery q) {
    return snapshot.read(
        s -> {
          Layout layout = new Layout(s, q);
          Publication p = new Publication();
          List<Map<String, Object>> rows = new ArrayList<>();
          List<List<Dimension>> subsets = properSubsets(q.groupBy());
          List<List<Map<String, Object>>> margins = new ArrayList<>();
          subsets.forEach(x -> margins.add(new ArrayList<>()));
          List<Map<String, Object>> total = new ArrayList<>();
          int[] slot = s.decisionSlot;
          short[] month = s.decisionMonth;
          byte[] stages = s.decisionStage;
          byte[] positive = s.decisionPositive;
          Axis outcome = new Axis("outcome", 2, f -> positive[f], false);
          for (int stage = 0; stage < STAGES.size(); stage++) {
            int st = stage;
            Cubes cubes =
                layout.cubes(
                    year -> facts(s.decisions, f -> stages[f] == st ? month[f] - year * 12 : -1),
                    f -> slot[f],
                    outcome);
            String name = STAGES.get(stage);
            rows.addAll(cubes.decisionRows(q.groupBy(), name, p));
            for (int i = 0; i < subsets.size(); i++) {
              margins.get(i).addAll(cubes.decisionRows(subsets.get(i), name, p));
            }
            total.addAll(cubes.decisionRows(List.of(), name, p));
          }
          List<DecisionTable.DecisionMargin> marginList = new ArrayList<>();
          for (int i = 0; i < subsets.size(); i++) {
            marginList.add(
                new DecisionTable.DecisionMargin(wireNames(subsets.get(i)), margins.get(i)));
          }
          return new DecisionTable(
              s.asOf(),
              q.from().toString(),
              q.to().toString(),
              wireNames(q.groupBy()),
              filters(q),
              rows,
              marginList,
              total,
              p.summary());
        });
  }

  BacklogTable backlog(StatisticsQuery q) {
    return snapshot.read(
        s -> {
          int today = (int) days.today().toEpochDay();
          byte[] status = s.status;
          int[] day = s.day;
          byte awaiting = (byte) ReferralStatus.RG_POSITIVE.ordinal();
          Axis ageOfCase =
              new Axis("ageOfCase", AGES_OF_CASE.size(), f -> ageOfCase(today - day[f]), false);
          Layout layout = new Layout(s, q);
          // The medians' grouping needs only the snapshot: it runs on the other core meanwhile.
          List<List<Dimension>> sets = new ArrayList<>(properSubsets(q.groupBy()));
          sets.add(q.groupBy());
          sets.add(List.of());
          CompletableFuture<Medians> grouping =
              CompletableFuture.supplyAsync(() -> new Medians(s, layout, today, sets));
          Cubes cubes =
              layout.cubes(
                  year -> facts(s.slots, f -> status[f] == awaiting ? 0 : -1),
                  IntUnaryOperator.identity(),
                  ageOfCase);
          Medians medians = join(grouping);
          Publication p = new Publication();
          List<Map<String, Object>> rows = cubes.rows(q.groupBy(), p, true);
          List<Margin> margins = new ArrayList<>();
          if (!q.groupBy().isEmpty()) {
            List<Map<String, Object>> groups = cubes.rows(q.groupBy(), p, false);
            medians.attach(q.groupBy(), groups, threshold);
            margins.add(new Margin(wireNames(q.groupBy()), groups));
            for (List<Dimension> subset : properSubsets(q.groupBy())) {
              margins.add(
                  new Margin(withAgeOfCase(wireNames(subset)), cubes.rows(subset, p, true)));
              List<Map<String, Object>> byGroup = cubes.rows(subset, p, false);
              medians.attach(subset, byGroup, threshold);
              margins.add(new Margin(wireNames(subset), byGroup));
            }
            margins.add(new Margin(List.of("ageOfCase"), cubes.rows(List.of(), p, true)));
          }
          List<Map<String, Object>> totalRows = cubes.rows(List.of(), p, false);
          medians.attach(List.of(), totalRows, threshold);
          return new BacklogTable(
              s.asOf(),
              wireNames(q.groupBy()),
              filters(q),
              rows,
              margins,
              totalRows.get(0),
              p.summary());
        });
  }

  private static List<String> withAgeOfCase(List<String> names) {
    List<String> out = new ArrayList<>(names);
    out.add("ageOfCase");
    return out;
  }

  static int ageOfCase(int daysSinceReferral) {
    for (int i = 0; i < AGE_OF_CASE_UPPER.length; i++) {
      if (daysSinceReferral <= AGE_OF_CASE_UPPER[i]) {
        return i;
      }
    }
    return AGE_OF_CASE_UPPER.length;
  }

  /** Facts whose month, as the function gives it relative to a year's January, is in it. */
  private static Facts facts(int size, IntUnaryOperator month) {
    return new Facts() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public int month(int fact) {
        int m = month.applyAsInt(fact);
        return m >= 0 && m < 12 ? m : -1;
      }
    };
  }

  private static Map<String, String> filters(StatisticsQuery q) {
    Map<String, String> out = new LinkedHashMap<>();
    q.filters().forEach((d, v) -> out.put(d.wireName(), v));
    return out;
  }

  static List<String> wireNames(List<Dimension> dims) {
    return dims.stream().map(Dimension::wireName).toList();
  }

  /** The future's value, its failure rethrown as it was thrown. */
  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /** Every proper non-empty subset, larger first, each in the order given. */
  static List<List<Dimension>> properSubsets(List<Dimension> dims) {
    List<List<Dimension>> out = new ArrayList<>();
    int n = dims.size();
    for (int size = n - 1; size >= 1; size--) {
      for (int mask = (1 << n) - 1; mask > 0; mask--) {
        if (Integer.bitCount(mask) == size) {
          List<Dimension> subset = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            if ((mask & (1 << (n - 1 - i))) != 0) {
              subset.add(dims.get(i));
            }
          }
          out.add(subset);
        }
      }
    }
    return out;
  }

  // ---- the cubes of a request ----

  /** The coded axes of one request: grouped and filtered dimensions, in canonical order. */
  private final class Layout {
    final StatisticsSnapshot s;
    final StatisticsQuery q;
    final List<Dimension> coded;
    final Map<Dimension, Integer> axisOf = new EnumMap<>(Dimension.class);
    final Map<Integer, Integer> fixed = new HashMap<>();
    final Map<Dimension, List<String>> domains = new EnumMap<>(Dimension.class);

    Layout(StatisticsSnapshot s, StatisticsQuery q) {
      this.s = s;
      this.q = q;
      for (Dimension d : Dimension.values()) {
        if (!d.isTime()) {
          domains.put(d, domain(s, d));
        }
      }
      q.checkValues(domains);
      this.coded =
          Arrays.stream(Dimension.values())
              .filter(d -> !d.isTime())
              .filter(d -> q.groupBy().contains(d) || q.filters().containsKey(d))
              .toList();
      for (int i = 0; i < coded.size(); i++) {
        axisOf.put(coded.get(i), i);
      }
      q.filters().forEach((d, v) -> fixed.put(axisOf.get(d), domains.get(d).indexOf(v)));
    }

    /**
     * One protected cube per calendar year the period touches, each counting that whole year, or a
     * single cube without time when the request has no period.
     */
    Cubes cubes(IntFunction<Facts> factsOfYear, IntUnaryOperator slotOf, Axis... internal) {
      List<Axis> axes = new ArrayList<>();
      for (Dimension d : coded) {
        IntUnaryOperator code = code(s, d);
        axes.add(
            new Axis(
                d.wireName(),
                domains.get(d).size(),
                f -> code.applyAsInt(slotOf.applyAsInt(f)),
                d.isMulti()));
      }
      axes.addAll(Arrays.asList(internal));
      Map<Integer, Cube> byYear = new LinkedHashMap<>();
      if (q.from() == null) {
        byYear.put(0, new Cube(factsOfYear.apply(0), axes, false, threshold));
      } else {
        for (int year = q.from().getYear(); year <= q.to().getYear(); year++) {
          int index = year - 2000;
          byYear.put(index, new Cube(factsOfYear.apply(index), axes, true, threshold));
        }
      }
      return new Cubes(this, byYear);
    }
  }

  /** A unit cell's place: a year's cube, a time level and the code at that level. */
  private record Unit(int year, int level, int time) {}

  /** An output period: its label and the unit cells it sums. */
  private record Period(Object label, List<Unit> units) {}

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

  /**
   * The protected cubes of a request and how their cells make up answers. An answer's cell sums
   * unit cells (a whole year, whole quarters, single months) and is published only if every one of
   * them is: so any period is answered from the same protected cells, and two overlapping periods
   * subtract to published cells only.
   */
  private final class Cubes {
    final Layout layout;
    final Map<Integer, Cube> byYear;

    Cubes(Layout layout, Map<Integer, Cube> byYear) {
      this.layout = layout;
      this.byYear = byYear;
    }

    private Cube any() {
      return byYear.values().iterator().next();
    }

    /** Periods of the answer: one per value of the time dimension grouped by, else one. */
    List<Period> periods(Dimension time) {
      StatisticsQuery q = layout.q;
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
    List<Unit> units(int a, int b) {
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

    /**
     * Sums the answer's cells over dims (and an internal axis: grouped when its code is -1, fixed
     * otherwise, left out when absent), on the filters' slice.
     */
    List<Sum> sums(List<Dimension> dims, int internalAxis, int internalCode) {
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
      List<Period> periods = periods(time);
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
          periods(dims.stream().filter(Dimension::isTime).findFirst().orElse(null));
      for (Sum sum : sums(dims, withAgeOfCase ? internalAxis() : -1, -1)) {
        Map<String, Object> row = new LinkedHashMap<>();
        labels(sum, dims, periods, row);
        if (withAgeOfCase) {
          row.put("ageOfCase", AGES_OF_CASE.get(sum.codes[internalAxis()]));
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
          periods(dims.stream().filter(Dimension::isTime).findFirst().orElse(null));
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

  // ---- publishing counts ----

  /** Applies suppression and rounding to published counts, and keeps the tally. */
  final class Publication {
    private int suppressed;

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

  // ---- medians for the backlog ----

  /** Median days, per group: referral to RG for cases awaiting a CG, RG to CG over a year. */
  private final class Medians {
    final StatisticsSnapshot s;
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

    Medians(StatisticsSnapshot s, Layout layout, int today, List<List<Dimension>> sets) {
      this.s = s;
      this.layout = layout;
      this.today = today;
      byte rgPositive = (byte) ReferralStatus.RG_POSITIVE.ordinal();
      IntArrayList cases = new IntArrayList();
      for (int slot = 0; slot < s.slots; slot++) {
        if (s.status[slot] == rgPositive && s.rgDay[slot] >= 0 && matchesFilters(slot)) {
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
        if (s.decisionStage[f] == StatisticsSnapshot.CG
            && day > today - WINDOW_DAYS
            && day <= today
            && s.rgDay[slot] >= 0
            && s.rgDay[slot] <= day
            && matchesFilters(slot)) {
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
          group(w, rgCodes, multi, weights, daysToRg),
          group(w, cgCodes, multi, weights, daysToCg));
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
     * The codes of a dimension for these slots, read from the snapshot once per request (the
     * margins ask for the same dimensions again): sequential array reads afterwards.
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

    /** Each value under every key its case counts under (one per code of a multi dimension). */
    private static Grouped group(
        long keys, int[][] codes, boolean[] multi, long[] weights, int[] values) {
      // A case counts under one key per code of each multi-valued dimension.
      int capacity = 0;
      for (int c = 0; c < values.length; c++) {
        int under = 1;
        for (int i = 0; i < codes.length; i++) {
          if (multi[i]) {
            under *= Integer.bitCount(codes[i][c]);
          }
        }
        capacity += under;
      }
      Grouped grouped = new Grouped(capacity);
      boolean anyMulti = false;
      for (boolean m : multi) {
        anyMulti |= m;
      }
      for (int c = 0; c < values.length; c++) {
        if (!anyMulti) {
          long key = 0;
          for (int i = 0; i < codes.length; i++) {
            key += codes[i][c] * weights[i];
          }
          grouped.add(key, values[c]);
        } else {
          addUnderEveryKey(grouped, codes, multi, weights, c, 0, 0, values[c]);
        }
      }
      grouped.seal(keys);
      return grouped;
    }

    private static void addUnderEveryKey(
        Grouped grouped,
        int[][] codes,
        boolean[] multi,
        long[] weights,
        int c,
        int from,
        long key,
        int value) {
      if (from == codes.length) {
        grouped.add(key, value);
        return;
      }
      int code = codes[from][c];
      if (multi[from]) {
        for (int set = code; set != 0; set &= set - 1) {
          addUnderEveryKey(
              grouped,
              codes,
              multi,
              weights,
              c,
              from + 1,
              key + Integer.numberOfTrailingZeros(set) * weights[from],
              value);
        }
      } else {
        addUnderEveryKey(
            grouped, codes, multi, weights, c, from + 1, key + code * weights[from], value);
      }
    }

    /**
     * Values grouped by key: (key, value) pairs sorted by key, each key's values then contiguous (a
     * counting sort when there are at most 2^20 keys, which any three dimensions give).
     */
    private static final class Grouped {
      private final long[] keys;
      private final int[] values;
      private int size;
      private int[] start;
      private long[] sortedKeys;

      Grouped(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
      }

      void add(long key, int value) {
        if (size == keys.length) {
          throw new IllegalStateException("more values than planned");
        }
        keys[size] = key;
        values[size++] = value;
      }

      /** Sorts the pairs by key; {@code keyCount} bounds the keys. */
      void seal(long keyCount) {
        if (keyCount <= 1 << 20) {
          int[] count = new int[(int) keyCount + 1];
          for (int i = 0; i < size; i++) {
            count[(int) keys[i] + 1]++;
          }
          for (int k = 0; k < keyCount; k++) {
            count[k + 1] += count[k];
          }
          start = count.clone();
          int[] sorted = new int[size];
          for (int i = 0; i < size; i++) {
            sorted[count[(int) keys[i]]++] = values[i];
          }
          System.arraycopy(sorted, 0, values, 0, size);
        } else {
          Integer[] order = new Integer[size];
          for (int i = 0; i < size; i++) {
            order[i] = i;
          }
          Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
          sortedKeys = new long[size];
          int[] sorted = new int[size];
          for (int i = 0; i < size; i++) {
            sortedKeys[i] = keys[order[i]];
            sorted[i] = values[order[i]];
          }
          System.arraycopy(sorted, 0, values, 0, size);
        }
      }

      /** The values of a key, as [from, to) into {@link #values}; from == to when none. */
      int from(long key) {
        if (start != null) {
          return key >= 0 && key + 1 < start.length ? start[(int) key] : 0;
        }
        int i = Arrays.binarySearch(sortedKeys, key);
        if (i < 0) {
          return 0;
        }
        while (i > 0 && sortedKeys[i - 1] == key) {
          i--;
        }
        return i;
      }

      int to(long key) {
        if (start != null) {
          return key >= 0 && key + 1 < start.length ? start[(int) key + 1] : 0;
        }
        int i = Arrays.binarySearch(sortedKeys, key);
        if (i < 0) {
          return 0;
        }
        while (i + 1 < size && sortedKeys[i + 1] == key) {
          i++;
        }
        return i + 1;
      }
    }

    private boolean matchesFilters(int slot) {
      for (Map.Entry<Integer, Integer> f : layout.fixed.entrySet()) {
        Dimension d = layout.coded.get(f.getKey());
        if (!has(slot, d, f.getValue())) {
          return false;
        }
      }
      return true;
    }

    private boolean has(int slot, Dimension d, int code) {
      int value = code(s, d).applyAsInt(slot);
      return d.isMulti() ? (value & (1 << code)) != 0 : value == code;
    }

    private void putMedian(
        Map<String, Object> row, String name, Grouped grouped, long key, int threshold) {
      int from = grouped.from(key);
      int n = grouped.to(key) - from;
      if (n <= 0 || n < threshold) {
        return;
      }
      int[] v = Arrays.copyOfRange(grouped.values, from, from + n);
      int upper = QuickSelect.select(v, n, n / 2);
      double median = n % 2 == 1 ? upper : (QuickSelect.select(v, n / 2, n / 2 - 1) + upper) / 2.0;
      row.put(name, median);
    }
  }

  // ---- dimensions over the snapshot ----

  static List<String> domain(StatisticsSnapshot s, Dimension d) {
    return switch (d) {
      case NATIONALITY, COUNTRY_OF_ORIGIN -> StatisticsSnapshot.COUNTRIES;
      case GENDER -> StatisticsSnapshot.GENDERS;
      case AGE_AT_EXPLOITATION -> StatisticsSnapshot.AGES;
      case EXPLOITATION_TYPE -> StatisticsSnapshot.TYPES;
      case EXPLOITATION_PROFILE -> StatisticsSnapshot.PROFILES;
      case COUNTY_LINES -> StatisticsSnapshot.BOOLEANS;
      case EXPLOITATION_LOCATION -> StatisticsSnapshot.LOCATIONS;
      case AGENCY_TYPE -> StatisticsSnapshot.AGENCY_TYPES;
      case AGENCY -> s.agencySorted;
      case JURISDICTION -> StatisticsSnapshot.JURISDICTIONS;
      case POLICE_FORCE -> s.policeForces;
      case KIND -> StatisticsSnapshot.KINDS;
      case STATUS -> StatisticsSnapshot.STATUSES;
      case YEAR, QUARTER, MONTH -> throw new IllegalArgumentException("time has no fixed domain");
    };
  }

  /** A slot's code on a dimension (a bit set for the multi-valued exploitation type). */
  static IntUnaryOperator code(StatisticsSnapshot s, Dimension d) {
    return switch (d) {
      case NATIONALITY -> {
        short[] a = s.nationality;
        yield slot -> a[slot];
      }
      case COUNTRY_OF_ORIGIN -> {
        short[] a = s.countryOfOrigin;
        yield slot -> a[slot];
      }
      case GENDER -> bytes(s.gender);
      case AGE_AT_EXPLOITATION -> bytes(s.age);
      case EXPLOITATION_TYPE -> bytes(s.types);
      case EXPLOITATION_PROFILE -> bytes(s.profile);
      case COUNTY_LINES -> bytes(s.countyLines);
      case EXPLOITATION_LOCATION -> bytes(s.location);
      case AGENCY_TYPE -> {
        short[] agency = s.agency;
        byte[] type = s.agencyType;
        yield slot -> type[agency[slot]];
      }
      case AGENCY -> {
        short[] agency = s.agency;
        int[] rank = s.agencyRank;
        yield slot -> rank[agency[slot]];
      }
      case JURISDICTION -> bytes(s.jurisdiction);
      case POLICE_FORCE -> bytes(s.policeForce);
      case KIND -> bytes(s.kind);
      case STATUS -> bytes(s.status);
      case YEAR, QUARTER, MONTH -> throw new IllegalArgumentException("time is not coded");
    };
  }

  private static IntUnaryOperator bytes(byte[] a) {
    return slot -> a[slot];
  }
}
