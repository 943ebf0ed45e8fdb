package org.nrmreferrals.statistics;

import static org.nrmreferrals.statistics.Statistics.facts;
import static org.nrmreferrals.statistics.Statistics.filters;
import static org.nrmreferrals.statistics.Statistics.properSubsets;
import static org.nrmreferrals.statistics.Statistics.read;
import static org.nrmreferrals.statistics.Statistics.wireNames;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nrmreferrals.statistics.disclosure.Axis;

/**
 * Tables of what happened after decisions: reconsideration requests decided (accepted and declined,
 * by the decision reconsidered and the grounds), and disqualifications (by grounds), each in the
 * month it happened, by the dimensions of the case, with disclosure control applied as everywhere.
 */
@ApplicationScoped
class CaseEventTables {
  static final String GROUNDS = "grounds";

  private static final Cubes.OutcomeColumns DECIDED =
      new Cubes.OutcomeColumns("decided", "accepted", "declined", null);

  private final Protection protection;

  CaseEventTables(Protection protection) {
    this.protection = protection;
  }

  /** One answer's grouping: some of the dimensions, and whether by grounds too. */
  record Grouping(List<Dimension> dims, boolean byGrounds) {
    List<String> names() {
      List<String> names = new ArrayList<>(wireNames(dims));
      if (byGrounds) {
        names.add(GROUNDS);
      }
      return names;
    }
  }

  /**
   * Every grouping over the dimensions and grounds, the finest (the rows) first and the total
   * (none) last, larger before smaller.
   */
  static List<Grouping> groupings(List<Dimension> groupBy) {
    List<Grouping> out = new ArrayList<>();
    out.add(new Grouping(groupBy, true));
    if (!groupBy.isEmpty()) {
      out.add(new Grouping(groupBy, false));
    }
    for (List<Dimension> subset : properSubsets(groupBy)) {
      out.add(new Grouping(subset, true));
      out.add(new Grouping(subset, false));
    }
    if (!groupBy.isEmpty()) {
      out.add(new Grouping(List.of(), true));
    }
    out.add(new Grouping(List.of(), false));
    return out;
  }

  /**
   * Reconsideration requests decided in the period, one protected table per decision reconsidered
   * (as RG and CG decisions are): decided, accepted and declined, by grounds and the dimensions.
   */
  StagedTable reconsiderations(Release r, StatisticsQuery q) {
    return read(
        r,
        s -> {
          CaseEvents e = s.caseEvents;
          Layout layout = protection.layout(s, q);
          Publication p = protection.publication(q);
          List<Grouping> groupings = groupings(q.groupBy());
          List<List<Map<String, Object>>> answers = new ArrayList<>();
          groupings.forEach(g -> answers.add(new ArrayList<>()));
          int[] slot = e.reconsiderationSlot;
          short[] month = e.reconsiderationMonth;
          byte[] decision = e.reconsidered;
          byte[] grounds = e.reconsiderationGrounds;
          byte[] accepted = e.accepted;
          Cubes.Internal byGrounds =
              new Cubes.Internal(
                  new Axis(GROUNDS, CaseEvents.GROUNDS.size(), f -> grounds[f], false),
                  CaseEvents.GROUNDS);
          Cubes.Internal outcome =
              new Cubes.Internal(
                  new Axis("outcome", 2, f -> accepted[f], false),
                  CaseEvents.RECONSIDERATION_OUTCOMES);
          for (int d = 0; d < CaseEvents.RECONSIDERED.size(); d++) {
            int reconsidered = d;
            Cubes cubes =
                layout.cubes(
                    year ->
                        facts(
                            e.reconsiderations,
                            f -> decision[f] == reconsidered ? month[f] - year * 12 : -1,
                            e.reconsiderationKey),
                    f -> slot[f],
                    byGrounds,
                    outcome);
            Map.Entry<String, String> lead = Map.entry("decision", CaseEvents.RECONSIDERED.get(d));
            for (int i = 0; i < groupings.size(); i++) {
              Grouping g = groupings.get(i);
              answers.get(i).addAll(cubes.outcomeRows(g.dims(), g.byGrounds(), lead, DECIDED, p));
            }
          }
          List<Margin> margins = new ArrayList<>();
          for (int i = 1; i < groupings.size() - 1; i++) {
            margins.add(new Margin(groupings.get(i).names(), answers.get(i)));
          }
          return new StagedTable(
              r.id(),
              s.asOf,
              q.from().toString(),
              q.to().toString(),
              groupings.get(0).names(),
              filters(q),
              answers.get(0),
              margins,
              answers.get(answers.size() - 1),
              p.summary(),
              StagedTable.DECIDED);
        });
  }

  /** Disqualifications confirmed in the period, by grounds and the dimensions. */
  StatisticsTable disqualifications(Release r, StatisticsQuery q) {
    return read(
        r,
        s -> {
          CaseEvents e = s.caseEvents;
          Layout layout = protection.layout(s, q);
          Publication p = protection.publication(q);
          int[] slot = e.disqualificationSlot;
          short[] month = e.disqualificationMonth;
          byte[] grounds = e.disqualificationGrounds;
          Cubes cubes =
              layout.cubes(
                  year ->
                      facts(e.disqualifications, f -> month[f] - year * 12, e.disqualificationKey),
                  f -> slot[f],
                  new Cubes.Internal(
                      new Axis(
                          GROUNDS,
                          CaseEvents.DISQUALIFICATION_GROUNDS.size(),
                          f -> grounds[f],
                          false),
                      CaseEvents.DISQUALIFICATION_GROUNDS));
          List<Grouping> groupings = groupings(q.groupBy());
          List<Margin> margins = new ArrayList<>();
          for (Grouping g : groupings.subList(1, groupings.size() - 1)) {
            margins.add(new Margin(g.names(), cubes.rows(g.dims(), p, g.byGrounds())));
          }
          return new StatisticsTable(
              r.id(),
              s.asOf,
              q.from().toString(),
              q.to().toString(),
              groupings.get(0).names(),
              filters(q),
              "Disqualifications confirmed (public order or bad faith)",
              cubes.rows(q.groupBy(), p, true),
              margins,
              cubes.rows(List.of(), p, false).get(0),
              p.summary());
        });
  }
}
