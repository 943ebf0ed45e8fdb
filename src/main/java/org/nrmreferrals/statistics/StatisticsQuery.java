package org.nrmreferrals.statistics;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.nrmreferrals.web.Problem;
import org.nrmreferrals.web.ProblemException;

/**
 * A statistics request of a release: a period of whole months, up to three dimensions to group by,
 * and filters on others (one value each); a catalogue table may name more ({@link #over}).
 *
 * @param from first month, or null where the endpoint has no period
 * @param to last month, or null where the endpoint has no period
 * @param exact whether it is answered exactly (for a statistician) rather than protected
 */
record StatisticsQuery(
    YearMonth from,
    YearMonth to,
    List<Dimension> groupBy,
    Map<Dimension, String> filters,
    boolean exact) {
  StatisticsQuery(
      YearMonth from, YearMonth to, List<Dimension> groupBy, Map<Dimension, String> filters) {
    this(from, to, groupBy, filters, false);
  }

  /**
   * The same period over other dimensions: a catalogue table's, which may be wider than an ad-hoc
   * question may be.
   */
  StatisticsQuery over(List<Dimension> dimensions, Map<Dimension, String> fixed) {
    return new StatisticsQuery(from, to, List.copyOf(dimensions), Map.copyOf(fixed), exact);
  }

  /**
   * Whether it is over more dimensions than an ad-hoc question may be (a catalogue's five-way
   * table): too fine to protect, so read by statisticians only (see {@link Catalogue}).
   */
  boolean wide() {
    return groupBy.size() + filters.size() > MAX_DIMENSIONS;
  }

  /** The same question, answered exactly (a statistician's read). */
  StatisticsQuery exactly() {
    return new StatisticsQuery(from, to, groupBy, filters, true);
  }

  static final int MAX_GROUP_BY = 3;
  static final int MAX_DIMENSIONS = 4;
  static final int MAX_MONTHS = 120;
  private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");
  private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}.*");
  private static final YearMonth EARLIEST = YearMonth.of(2000, 1);
  private static final YearMonth LATEST = YearMonth.of(2099, 12);

  /**
   * Parses the query string. Every parameter must be known: a misspelt filter silently ignored
   * would give a wrong figure.
   *
   * @param params every query parameter with all its values
   * @param withPeriod whether from and to are accepted
   * @param release the release asked (its last month is the default and latest {@code to})
   */
  static StatisticsQuery parse(
      Map<String, List<String>> params, boolean withPeriod, Release release) {
    YearMonth through = release.throughMonth();
    List<Problem.Violation> problems = new ArrayList<>();
    Map<String, String> single = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      String name = e.getKey();
      boolean known =
          name.equals("groupBy")
              || name.equals("release")
              || (withPeriod && (name.equals("from") || name.equals("to")))
              || Dimension.byWireName(name).filter(d -> !d.isTime()).isPresent();
      if (!known) {
        problems.add(
            new Problem.Violation(
                name,
                Dimension.byWireName(name).isPresent()
                    ? "periods are chosen with from and to, not filtered on"
                    : "unknown parameter; expected "
                        + (withPeriod ? "from, to, " : "")
                        + "groupBy or a filter on one of "
                        + Dimension.wireNames()));
      } else if (e.getValue().size() > 1) {
        problems.add(new Problem.Violation(name, "must be given once"));
      } else {
        single.put(name, e.getValue().get(0));
      }
    }
    YearMonth to = null;
    YearMonth from = null;
    if (withPeriod) {
      to = month("to", single.get("to"), through, problems);
      from = month("from", single.get("from"), to == null ? null : to.minusMonths(11), problems);
      if (to != null && to.isAfter(through)) {
        problems.add(
            new Problem.Violation(
                "to",
                "release "
                    + release.id()
                    + " covers the months up to "
                    + through
                    + "; a later month is in the next release"));
      } else if (from != null && to != null) {
        if (from.isAfter(to)) {
          problems.add(new Problem.Violation("from", "must not be after to"));
        } else if (from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
          problems.add(
              new Problem.Violation("to", "a period spans at most " + MAX_MONTHS + " months"));
        }
      }
    }
    List<Dimension> groupBy = groupBy(single.get("groupBy"), problems);
    Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
    for (Map.Entry<String, String> e : single.entrySet()) {
      Dimension.byWireName(e.getKey())
          .filter(d -> !d.isTime())
          .ifPresent(
              d -> {
                if (groupBy.contains(d)) {
                  problems.add(
                      new Problem.Violation(
                          e.getKey(), "either group by a dimension or filter it"));
                } else if (e.getValue().isBlank() || e.getValue().contains(",")) {
                  problems.add(new Problem.Violation(e.getKey(), "must be exactly one value"));
                } else {
                  filters.put(d, e.getValue());
                }
              });
    }
    if (groupBy.size() + filters.size() > MAX_DIMENSIONS) {
      problems.add(
          new Problem.Violation(
              "groupBy",
              "at most "
                  + MAX_DIMENSIONS
                  + " dimensions may be grouped by and filtered on together"));
    }
    if (!problems.isEmpty()) {
      throw ProblemException.malformed(problems);
    }
    return new StatisticsQuery(from, to, List.copyOf(groupBy), Map.copyOf(filters));
  }

  /** The release a query names ({@code release=N}), or null for the newest. */
  static Long releaseId(Map<String, List<String>> params) {
    List<String> values = params.get("release");
    if (values == null) {
      return null;
    }
    if (values.size() != 1 || !values.get(0).matches("[1-9][0-9]{0,17}")) {
      throw ProblemException.malformed(
          List.of(new Problem.Violation("release", "must be given once, as a release's id")));
    }
    return Long.valueOf(values.get(0));
  }

  private static YearMonth month(
      String name, String value, YearMonth fallback, List<Problem.Violation> problems) {
    if (value == null) {
      return fallback;
    }
    if (DAY.matcher(value).matches()) {
      problems.add(
          new Problem.Violation(
              name,
              "periods are whole months (YYYY-MM), never days, so that two overlapping queries"
                  + " cannot be subtracted down to one referral"));
      return null;
    }
    if (!MONTH.matcher(value).matches()) {
      problems.add(new Problem.Violation(name, "must be a month, YYYY-MM"));
      return null;
    }
    try {
      YearMonth month = YearMonth.parse(value);
      if (month.isBefore(EARLIEST) || month.isAfter(LATEST)) {
        problems.add(new Problem.Violation(name, "must be from 2000-01 to 2099-12"));
        return null;
      }
      return month;
    } catch (DateTimeParseException e) {
      problems.add(new Problem.Violation(name, "must be a month, YYYY-MM"));
      return null;
    }
  }

  private static List<Dimension> groupBy(String value, List<Problem.Violation> problems) {
    List<Dimension> dims = new ArrayList<>();
    if (value == null || value.isBlank()) {
      return dims;
    }
    for (String name : value.split(",", -1)) {
      Dimension d = Dimension.byWireName(name.trim()).orElse(null);
      if (d == null) {
        problems.add(
            new Problem.Violation(
                "groupBy",
                "unknown dimension '" + name.trim() + "'; one of " + Dimension.wireNames()));
      } else if (dims.contains(d)) {
        problems.add(new Problem.Violation("groupBy", "names " + d.wireName() + " twice"));
      } else {
        dims.add(d);
      }
    }
    if (dims.size() > MAX_GROUP_BY) {
      problems.add(
          new Problem.Violation("groupBy", "at most " + MAX_GROUP_BY + " dimensions at once"));
    }
    if (dims.stream().filter(Dimension::isTime).count() > 1) {
      problems.add(
          new Problem.Violation("groupBy", "at most one of year, quarter and month at once"));
    }
    return dims;
  }

  /** Filters whose value is not one the dimension has. */
  void checkValues(Map<Dimension, List<String>> domains) {
    List<Problem.Violation> problems = new ArrayList<>();
    for (Map.Entry<Dimension, String> e : filters.entrySet()) {
      List<String> values = domains.get(e.getKey());
      if (!values.contains(e.getValue())) {
        problems.add(
            new Problem.Violation(
                e.getKey().wireName(),
                values.size() <= 12
                    ? "must be one of " + String.join(", ", values)
                    : "is not a known " + e.getKey().wireName()));
      }
    }
    if (!problems.isEmpty()) {
      throw ProblemException.malformed(problems);
    }
  }
}
