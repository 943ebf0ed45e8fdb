package org.nrmreferrals.statistics;

import static org.nrmreferrals.statistics.DimensionCodes.code;
import static org.nrmreferrals.statistics.DimensionCodes.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.nrmreferrals.reference.Countries;
import org.nrmreferrals.statistics.disclosure.Axis;
import org.nrmreferrals.statistics.disclosure.Cube;
import org.nrmreferrals.statistics.disclosure.Facts;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.ProblemType;

/**
 * The coded axes of one request: grouped and filtered dimensions, in canonical order. A
 * statistician's exact read has its filters applied to the facts instead, and no secondary pass: it
 * hides nothing (threshold 1), so it has no pattern of hidden cells to keep the same across
 * filtered and unfiltered cubes.
 */
final class Layout {
  final CodedFacts s;
  final StatisticsQuery q;
  final List<Dimension> coded;
  final Map<Dimension, Integer> axisOf = new EnumMap<>(Dimension.class);
  final Map<Integer, Integer> fixed = new HashMap<>();

  /** The filters as dimensions, their codes and the value each must have (see inSlice). */
  private final Dimension[] sliceDims;

  private final IntUnaryOperator[] sliceCodes;
  private final int[] sliceWanted;

  final Map<Dimension, List<String>> domains = new EnumMap<>(Dimension.class);
  private final int threshold;
  private final long deadline;
  private final boolean secondary;

  /**
   * @param deadline when protecting its cubes must have finished ({@link System#nanoTime})
   */
  Layout(CodedFacts s, StatisticsQuery q, int threshold, long deadline) {
    this.secondary = !q.exact();
    this.s = s;
    this.q = q;
    this.threshold = threshold;
    this.deadline = deadline;
    for (Dimension d : Dimension.values()) {
      if (!d.isTime()) {
        domains.put(d, domain(s, d));
      }
    }
    q.checkValues(domains);
    this.coded =
        Arrays.stream(Dimension.values())
            .filter(d -> !d.isTime())
            .filter(d -> q.groupBy().contains(d) || (secondary && q.filters().containsKey(d)))
            .toList();
    for (int i = 0; i < coded.size(); i++) {
      axisOf.put(coded.get(i), i);
    }
    this.sliceDims = q.filters().keySet().toArray(new Dimension[0]);
    this.sliceCodes = new IntUnaryOperator[sliceDims.length];
    this.sliceWanted = new int[sliceDims.length];
    for (int i = 0; i < sliceDims.length; i++) {
      sliceCodes[i] = code(s, sliceDims[i]);
      sliceWanted[i] = domains.get(sliceDims[i]).indexOf(q.filters().get(sliceDims[i]));
      if (secondary) {
        fixed.put(axisOf.get(sliceDims[i]), sliceWanted[i]);
      }
    }
  }

  /**
   * One protected cube per calendar year the period touches, each counting that whole year, or a
   * single cube without time when the request has no period.
   */
  Cubes cubes(IntFunction<Facts> factsOfYear, IntUnaryOperator slotOf, Cubes.Internal... internal) {
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
    for (Cubes.Internal i : internal) {
      axes.add(i.axis());
    }
    if (!secondary && sliceDims.length > 0) {
      factsOfYear = sliced(factsOfYear, slotOf);
    }
    Map<Integer, Cube> byYear = new LinkedHashMap<>();
    try {
      if (q.from() == null) {
        byYear.put(
            0,
            new Cube(factsOfYear.apply(0), axes, false, threshold, deadline, Cube.YEAR, secondary));
      } else {
        // Each year's cube is built down to the finest time level the answer (its rows by the
        // period grouped by, or its margins and total over the whole period) reads in it.
        Dimension time = q.groupBy().stream().filter(Dimension::isTime).findFirst().orElse(null);
        Map<Integer, Integer> finest = new java.util.TreeMap<>();
        for (Dimension by : Arrays.asList(time, null)) {
          for (Periods.Period period : Periods.of(q, by)) {
            for (Periods.Unit unit : period.units()) {
              finest.merge(unit.year(), unit.level(), Math::max);
            }
          }
        }
        for (var year : finest.entrySet()) {
          byYear.put(
              year.getKey(),
              new Cube(
                  factsOfYear.apply(year.getKey()),
                  axes,
                  true,
                  threshold,
                  deadline,
                  year.getValue(),
                  secondary));
        }
      }
    } catch (Cube.TooCostly e) {
      throw new ProblemException(
          ProblemType.DISCLOSURE_RISK,
          "this breakdown could not be shown safe to publish within the time a request may take;"
              + " group by fewer dimensions, or by dimensions with fewer values");
    }
    return new Cubes(this, byYear, List.of(internal));
  }

  /** Puts a coded dimension's value in a row, with its name where it has one. */
  void label(Dimension d, int code, Map<String, Object> row) {
    if (d == Dimension.COUNTY_LINES) {
      row.put(d.wireName(), code == 1);
      return;
    }
    String value = domains.get(d).get(code);
    row.put(d.wireName(), value);
    if (d.isCountry()) {
      String name = Countries.name(value);
      row.put(d.wireName() + "Name", name == null ? "Not specified" : name);
    } else if (d == Dimension.NATIONALITIES) {
      row.put(d.wireName() + "Name", SnapshotCodes.nationalitySetName(value));
    } else if (d == Dimension.EXPLOITATION_COMBINATION) {
      row.put(d.wireName() + "Name", SnapshotCodes.COMBINATION_NAMES.get(code));
    }
  }

  /** Whether a referral's slot is in the filters' slice. */
  boolean inSlice(int slot) {
    for (int i = 0; i < sliceDims.length; i++) {
      int value = sliceCodes[i].applyAsInt(slot);
      if (sliceDims[i].isMulti() ? (value & (1 << sliceWanted[i])) == 0 : value != sliceWanted[i]) {
        return false;
      }
    }
    return true;
  }

  /** The facts of each year with those outside the filters' slice skipped. */
  private IntFunction<Facts> sliced(IntFunction<Facts> factsOfYear, IntUnaryOperator slotOf) {
    return year -> {
      Facts all = factsOfYear.apply(year);
      return new Facts() {
        @Override
        public int size() {
          return all.size();
        }

        @Override
        public int month(int fact) {
          return inSlice(slotOf.applyAsInt(fact)) ? all.month(fact) : -1;
        }

        @Override
        public int key(int fact) {
          return all.key(fact);
        }
      };
    };
  }
}
