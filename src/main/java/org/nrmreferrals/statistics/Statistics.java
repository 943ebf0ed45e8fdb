package org.nrmreferrals.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import org.nrmreferrals.statistics.disclosure.Axis;
import org.nrmreferrals.statistics.disclosure.Facts;
import org.nrmreferrals.workflow.LegalDays;
import org.nrmreferrals.workflow.ReferralStatus;

/** Builds statistics tables from a release's facts, with disclosure control applied. */
@ApplicationScoped
class Statistics {
  static final List<String> OUTCOMES = List.of("NEGATIVE", "POSITIVE");
  static final List<String> STAGES = List.of("REASONABLE_GROUNDS", "CONCLUSIVE_GROUNDS");

  /** Age of a case awaiting its CG decision, in days since referral: upper bounds. */
  static final List<String> AGES_OF_CASE =
      List.of("DAYS_0_90", "DAYS_91_182", "DAYS_183_365", "DAYS_366_730", "DAYS_731_OR_MORE");

  private static final int[] AGE_OF_CASE_UPPER = {90, 182, 365, 730};

  private static final Cubes.OutcomeColumns ISSUED =
      new Cubes.OutcomeColumns("issued", "positive", "negative", "positiveShare");

  private final LegalDays days;
  private final Protection protection;

  Statistics(LegalDays days, Protection protection) {
    this.days = days;
    this.protection = protection;
  }

  /** Reads a release's facts. */
  static <T> T read(Release r, Function<CodedFacts, T> reader) {
    return reader.apply(r.facts());
  }

  // ---- the tables ----

  /** Referrals, by the month of their referral. */
  StatisticsTable referrals(Release r, StatisticsQuery q) {
    return counts(r, q, s -> s.month, referralsCounted(q));
  }

  /**
   * What a referrals table counts: NRM referrals and Duty to Notify reports are never mixed
   * silently.
   */
  static String referralsCounted(StatisticsQuery q) {
    String kind = q.filters().get(Dimension.KIND);
    if ("NRM".equals(kind)) {
      return "NRM referrals";
    }
    if ("DUTY_TO_NOTIFY".equals(kind)) {
      return "Duty to Notify reports";
    }
    return q.groupBy().contains(Dimension.KIND)
        ? "NRM referrals and Duty to Notify reports: apart in the rows by kind, together in the"
            + " subtotals and the total over kinds"
        : "NRM referrals and Duty to Notify reports together: filter on kind (kind=NRM) or"
            + " group by it to count them apart";
  }

  /** Children referred to an Independent Child Trafficking Guardian, by the month referred. */
  StatisticsTable ictgReferrals(Release r, StatisticsQuery q) {
    return counts(
        r, q, s -> s.ictgMonth, "Children referred to an Independent Child Trafficking Guardian");
  }

  /** Referrals counted by a month of theirs (-1 where they have none). */
  private StatisticsTable counts(
      Release r, StatisticsQuery q, Function<CodedFacts, short[]> months, String counted) {
    return read(
        r,
        s -> {
          Layout layout = protection.layout(s, q);
          short[] month = months.apply(s);
          Cubes cubes =
              layout.cubes(
                  year -> facts(s.slots, f -> month[f] - year * 12, s.key),
                  IntUnaryOperator.identity());
          Publication p = protection.publication(q);
          List<Map<String, Object>> rows = cubes.rows(q.groupBy(), p, false);
          List<Margin> margins = new ArrayList<>();
          for (List<Dimension> subset : margins(q)) {
            margins.add(new Margin(wireNames(subset), cubes.rows(subset, p, false)));
          }
          Map<String, Object> total = cubes.rows(List.of(), p, false).get(0);
          return new StatisticsTable(
              r.id(),
              s.asOf,
              q.from().toString(),
              q.to().toString(),
              wireNames(q.groupBy()),
              filters(q),
              counted,
              rows,
              margins,
              total,
              p.summary());
        });
  }

  StagedTable decisions(Release r, StatisticsQuery q) {
    return read(
        r,
        s -> {
          Layout layout = protection.layout(s, q);
          Publication p = protection.publication(q);
          List<Map<String, Object>> rows = new ArrayList<>();
          List<List<Dimension>> subsets = properSubsets(q.groupBy());
          List<List<Map<String, Object>>> margins = new ArrayList<>();
          subsets.forEach(x -> margins.add(new ArrayList<>()));
          List<Map<String, Object>> total = new ArrayList<>();
          int[] slot = s.decisionSlot;
          short[] month = s.decisionMonth;
          byte[] stages = s.decisionStage;
          byte[] positive = s.decisionPositive;
          Cubes.Internal outcome =
              new Cubes.Internal(new Axis("outcome", 2, f -> positive[f], false), OUTCOMES);
          for (int stage = 0; stage < STAGES.size(); stage++) {
            int st = stage;
            Cubes cubes =
                layout.cubes(
                    year ->
                        facts(
                            s.decisions,
                            f -> stages[f] == st ? month[f] - year * 12 : -1,
                            s.decisionKey),
                    f -> slot[f],
                    outcome);
            Map.Entry<String, String> lead = Map.entry("decision", STAGES.get(stage));
            rows.addAll(cubes.outcomeRows(q.groupBy(), false, lead, ISSUED, p));
            for (int i = 0; i < subsets.size(); i++) {
              margins.get(i).addAll(cubes.outcomeRows(subsets.get(i), false, lead, ISSUED, p));
            }
            total.addAll(cubes.outcomeRows(List.of(), false, lead, ISSUED, p));
          }
          List<Margin> marginList = new ArrayList<>();
          for (int i = 0; i < subsets.size(); i++) {
            marginList.add(new Margin(wireNames(subsets.get(i)), margins.get(i)));
          }
          return new StagedTable(
              r.id(),
              s.asOf,
              q.from().toString(),
              q.to().toString(),
              wireNames(q.groupBy()),
              filters(q),
              rows,
              marginList,
              total,
              p.summary(),
              StagedTable.ISSUED);
        });
  }

  /** Median days from referral to decision, of the decisions issued in the period. */
  StagedTable decisionTimes(Release r, StatisticsQuery q) {
    return read(
        r,
        s -> {
          int threshold = protection.threshold(q);
          DecisionTimes times = new DecisionTimes(s, protection.layout(s, q), q, threshold);
          List<Map<String, Object>> rows = times.rows(q.groupBy());
          List<Margin> margins = new ArrayList<>();
          for (List<Dimension> subset : properSubsets(q.groupBy())) {
            margins.add(new Margin(wireNames(subset), times.rows(subset)));
          }
          List<Map<String, Object>> total = times.rows(List.of());
          return new StagedTable(
              r.id(),
              s.asOf,
              q.from().toString(),
              q.to().toString(),
              wireNames(q.groupBy()),
              filters(q),
              rows,
              margins,
              total,
              q.exact()
                  ? DisclosureControl.exactFigures()
                  : DisclosureControl.medians(threshold, times.suppressed()),
              StagedTable.TIMES);
        });
  }

  BacklogTable backlog(Release r, StatisticsQuery q) {
    return read(
        r,
        s -> {
          // The backlog as it stood when the release was cut.
          int today = (int) days.dayOf(s.asOf).toEpochDay();
          byte[] status = s.status;
          int[] day = s.day;
          byte awaiting = (byte) ReferralStatus.RG_POSITIVE.ordinal();
          Cubes.Internal ageOfCase =
              new Cubes.Internal(
                  new Axis("ageOfCase", AGES_OF_CASE.size(), f -> ageOfCase(today - day[f]), false),
                  AGES_OF_CASE);
          Layout layout = protection.layout(s, q);
          // The medians' grouping needs only the snapshot: it runs on the other core meanwhile.
          List<List<Dimension>> sets = new ArrayList<>(properSubsets(q.groupBy()));
          sets.add(q.groupBy());
          sets.add(List.of());
          CompletableFuture<Medians> grouping =
              CompletableFuture.supplyAsync(() -> new Medians(s, layout, today, sets));
          Cubes cubes =
              layout.cubes(
                  year -> facts(s.slots, f -> status[f] == awaiting ? 0 : -1, s.key),
                  IntUnaryOperator.identity(),
                  ageOfCase);
          Medians medians = join(grouping);
          Publication p = protection.publication(q);
          List<Map<String, Object>> rows = cubes.rows(q.groupBy(), p, true);
          List<Margin> margins = new ArrayList<>();
          if (!q.groupBy().isEmpty()) {
            List<Map<String, Object>> groups = cubes.rows(q.groupBy(), p, false);
            medians.attach(q.groupBy(), groups, protection.threshold(q));
            margins.add(new Margin(wireNames(q.groupBy()), groups));
            for (List<Dimension> subset : properSubsets(q.groupBy())) {
              margins.add(
                  new Margin(withAgeOfCase(wireNames(subset)), cubes.rows(subset, p, true)));
              List<Map<String, Object>> byGroup = cubes.rows(subset, p, false);
              medians.attach(subset, byGroup, protection.threshold(q));
              margins.add(new Margin(wireNames(subset), byGroup));
            }
            margins.add(new Margin(List.of("ageOfCase"), cubes.rows(List.of(), p, true)));
          }
          List<Map<String, Object>> totalRows = cubes.rows(List.of(), p, false);
          medians.attach(List.of(), totalRows, protection.threshold(q));
          return new BacklogTable(
              r.id(),
              s.asOf,
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

  /**
   * Facts whose month, as the function gives it relative to a year's January, is in it, with their
   * record keys.
   */
  static Facts facts(int size, IntUnaryOperator month, int[] keys) {
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

      @Override
      public int key(int fact) {
        return keys[fact];
      }
    };
  }

  static Map<String, String> filters(StatisticsQuery q) {
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

  /**
   * The margins of a count table: every proper subset of its dimensions, or for a wide table (a
   * catalogue's five-way breakdown) the Home Office's nested totals only: by the first dimension,
   * the first two, and so on, and by the last (its columns) alone.
   */
  static List<List<Dimension>> margins(StatisticsQuery q) {
    if (!q.wide()) {
      return properSubsets(q.groupBy());
    }
    List<Dimension> dims = q.groupBy();
    List<List<Dimension>> out = new ArrayList<>();
    for (int size = dims.size() - 1; size >= 1; size--) {
      out.add(dims.subList(0, size));
    }
    out.add(dims.subList(dims.size() - 1, dims.size()));
    return out;
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
}
