package org.nrmreferrals.statistics;

import static org.nrmreferrals.statistics.Dimension.AGENCY;
import static org.nrmreferrals.statistics.Dimension.AGENCY_TYPE;
import static org.nrmreferrals.statistics.Dimension.AGE_AT_EXPLOITATION;
import static org.nrmreferrals.statistics.Dimension.COMPETENT_AUTHORITY;
import static org.nrmreferrals.statistics.Dimension.EXPLOITATION_COMBINATION;
import static org.nrmreferrals.statistics.Dimension.EXPLOITATION_LOCATION;
import static org.nrmreferrals.statistics.Dimension.GENDER;
import static org.nrmreferrals.statistics.Dimension.KIND;
import static org.nrmreferrals.statistics.Dimension.NATION;
import static org.nrmreferrals.statistics.Dimension.NATIONALITY;
import static org.nrmreferrals.statistics.Dimension.POLICE_FORCE;
import static org.nrmreferrals.statistics.Dimension.QUARTER;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Named tables in the layout of the Home Office's quarterly NRM and Duty to Notify data tables (in
 * our own words and codes), each a fixed question of one endpoint. The Home Office renumbers its
 * tables between editions; the numbers named here are those of the 2023 editions.
 */
@ApplicationScoped
class Catalogue {
  /** What a catalogue table counts: the endpoint it asks. */
  enum Source {
    REFERRALS,
    DECISIONS,
    DECISION_TIMES,
    RECONSIDERATIONS,
    DISQUALIFICATIONS,
    ICTG_REFERRALS
  }

  /**
   * A table of the catalogue.
   *
   * @param homeOfficeTable the Home Office table of the same shape, as numbered in the 2023
   *     editions, or what it publishes in its place
   * @param periodBasis what a row's period is the period of
   * @param decision for a decision table, the decision stage it shows
   */
  record Entry(
      String code,
      String title,
      String homeOfficeTable,
      String periodBasis,
      Source source,
      @JsonIgnore List<Dimension> dimensions,
      @JsonIgnore Map<Dimension, String> fixed,
      String decision) {
    @JsonProperty("groupBy")
    public List<String> groupBy() {
      return Statistics.wireNames(dimensions);
    }

    /**
     * Whether only statisticians may read it: the five-way tables, whose cells are too small and
     * too many to protect (see docs/design/disclosure-control.md).
     */
    @JsonProperty("statisticiansOnly")
    public boolean statisticiansOnly() {
      return dimensions.size() + fixed.size() > StatisticsQuery.MAX_DIMENSIONS;
    }

    @JsonProperty("filters")
    public Map<String, String> filters() {
      Map<String, String> out = new java.util.LinkedHashMap<>();
      fixed.forEach((d, v) -> out.put(d.wireName(), v));
      return out;
    }
  }

  static final List<Entry> ENTRIES =
      List.of(
          new Entry(
              "referrals-by-competent-authority",
              "NRM referrals by quarter and competent authority",
              "the bulletin's referrals by competent authority (SCA, IECA)",
              "quarter of referral",
              Source.REFERRALS,
              List.of(QUARTER, COMPETENT_AUTHORITY),
              Map.of(KIND, "NRM"),
              null),
          new Entry(
              "referrals-by-age-and-location",
              "NRM referrals by quarter, age at exploitation and location of exploitation",
              "Table 2",
              "quarter of referral",
              Source.REFERRALS,
              List.of(QUARTER, AGE_AT_EXPLOITATION, EXPLOITATION_LOCATION),
              Map.of(KIND, "NRM"),
              null),
          new Entry(
              "referrals-by-first-responder-type-and-exploitation",
              "NRM referrals by first responder type and exploitation type combination",
              "Tables 11 to 14 (their first responder type and exploitation type margins)",
              "quarter of referral",
              Source.REFERRALS,
              List.of(AGENCY_TYPE, EXPLOITATION_COMBINATION),
              Map.of(KIND, "NRM"),
              null),
          fiveWay("government-agency", "GOVERNMENT_AGENCY", "government agency", "Table 11"),
          fiveWay("ngo", "NGO", "NGO and third sector", "Table 12"),
          fiveWay("police", "POLICE", "police", "Table 13 (one block per force)"),
          fiveWay(
              "local-authority",
              "LOCAL_AUTHORITY",
              "local authority",
              "Table 14 (by organisation here; the Home Office gives local authorities together)"),
          new Entry(
              "referrals-by-nation",
              "NRM referrals by quarter and UK nation of the police force area",
              "the bulletin's referrals by UK nation",
              "quarter of referral",
              Source.REFERRALS,
              List.of(QUARTER, NATION),
              Map.of(KIND, "NRM"),
              null),
          new Entry(
              "rg-decisions-by-age",
              "Reasonable grounds decisions by quarter, outcome and age at exploitation",
              "Table 16",
              "quarter of the decision",
              Source.DECISIONS,
              List.of(QUARTER, AGE_AT_EXPLOITATION),
              Map.of(),
              "REASONABLE_GROUNDS"),
          new Entry(
              "cg-decisions-by-age",
              "Conclusive grounds decisions by quarter, outcome and age at exploitation",
              "Table 28 (Table 19 in the Q1 2023 edition)",
              "quarter of the decision",
              Source.DECISIONS,
              List.of(QUARTER, AGE_AT_EXPLOITATION),
              Map.of(),
              "CONCLUSIVE_GROUNDS"),
          new Entry(
              "median-days-to-decision",
              "Median days from referral to RG and to CG decisions, by quarter of the decision",
              "the bulletin's median time to a decision (526 days to a CG in 2023)",
              "quarter of the decision",
              Source.DECISION_TIMES,
              List.of(QUARTER),
              Map.of(),
              null),
          new Entry(
              "duty-to-notify-by-quarter",
              "Duty to Notify reports by quarter",
              "Table 40",
              "quarter of the report",
              Source.REFERRALS,
              List.of(QUARTER),
              Map.of(KIND, "DUTY_TO_NOTIFY"),
              null),
          new Entry(
              "duty-to-notify-by-nationality",
              "Duty to Notify reports by nationality",
              "Table 41",
              "quarter of the report",
              Source.REFERRALS,
              List.of(NATIONALITY),
              Map.of(KIND, "DUTY_TO_NOTIFY"),
              null),
          new Entry(
              "duty-to-notify-by-police-force",
              "Duty to Notify reports by quarter and police force area",
              "the bulletin's Duty to Notify reports by police force",
              "quarter of the report",
              Source.REFERRALS,
              List.of(QUARTER, POLICE_FORCE),
              Map.of(KIND, "DUTY_TO_NOTIFY"),
              null),
          new Entry(
              "reconsiderations-by-stage-and-grounds",
              "Reconsideration requests accepted and declined, by decision reconsidered and"
                  + " grounds",
              "the annex on reasons for accepting reconsideration requests",
              "quarter of the outcome",
              Source.RECONSIDERATIONS,
              List.of(QUARTER),
              Map.of(),
              null),
          new Entry(
              "disqualifications-by-grounds",
              "Disqualifications by quarter and grounds",
              "the bulletin's disqualifications",
              "quarter confirmed",
              Source.DISQUALIFICATIONS,
              List.of(QUARTER),
              Map.of(),
              null),
          new Entry(
              "ictg-referrals-by-police-force",
              "Children referred to an Independent Child Trafficking Guardian, by quarter and"
                  + " police force area",
              "the ICTG annex",
              "quarter referred",
              Source.ICTG_REFERRALS,
              List.of(QUARTER, POLICE_FORCE),
              Map.of(),
              null));

  /**
   * A five-way table of one first responder type: referrals by organisation, exact combination of
   * exploitation types, age at exploitation, gender and nationality, with the Home Office's nested
   * totals. Wider than an ad-hoc question may be and mostly cells of one or two people: no pattern
   * of suppressed cells protects it within a request, and publishing it with less (the noise alone)
   * would undo the suppression of the ad-hoc tables it shares margins with. So statisticians read
   * it, exactly and audited, and apply their own disclosure control before publishing any of it.
   */
  private static Entry fiveWay(String code, String type, String words, String table) {
    return new Entry(
        "referrals-five-way-" + code,
        "NRM referrals from "
            + words
            + " first responders by organisation, exploitation type, age at exploitation, gender"
            + " and nationality",
        table + " of the 2023 editions",
        "quarter of referral",
        Source.REFERRALS,
        List.of(AGENCY, EXPLOITATION_COMBINATION, AGE_AT_EXPLOITATION, GENDER, NATIONALITY),
        Map.of(KIND, "NRM", AGENCY_TYPE, type),
        null);
  }

  private final Statistics statistics;
  private final CaseEventTables caseEvents;

  Catalogue(Statistics statistics, CaseEventTables caseEvents) {
    this.statistics = statistics;
    this.caseEvents = caseEvents;
  }

  static Optional<Entry> entry(String code) {
    return ENTRIES.stream().filter(e -> e.code().equals(code)).findFirst();
  }

  /** The table's figures from a release. */
  PublishedTable figures(Entry entry, Release release, StatisticsQuery q) {
    return switch (entry.source()) {
      case REFERRALS -> statistics.referrals(release, q);
      case DECISIONS -> stage(statistics.decisions(release, q), entry.decision());
      case DECISION_TIMES -> statistics.decisionTimes(release, q);
      case RECONSIDERATIONS -> caseEvents.reconsiderations(release, q);
      case DISQUALIFICATIONS -> caseEvents.disqualifications(release, q);
      case ICTG_REFERRALS -> statistics.ictgReferrals(release, q);
    };
  }

  /** A decision table's lines of one stage. */
  private static StagedTable stage(StagedTable t, String stage) {
    List<Margin> margins = new ArrayList<>();
    for (Margin m : t.margins()) {
      margins.add(new Margin(m.groupBy(), ofStage(m.rows(), stage)));
    }
    return new StagedTable(
        t.release(),
        t.asOf(),
        t.from(),
        t.to(),
        t.groupBy(),
        t.filters(),
        ofStage(t.rows(), stage),
        margins,
        ofStage(t.total(), stage),
        t.disclosureControl().withSuppressedCells(suppressed(t.lines(), stage)),
        t.columns());
  }

  /** The counts suppressed in a stage's lines. */
  private static int suppressed(List<Map<String, Object>> lines, String stage) {
    int n = 0;
    for (Map<String, Object> line : ofStage(lines, stage)) {
      if (line.get("suppressed") instanceof List<?> names) {
        n += names.size();
      }
    }
    return n;
  }

  private static List<Map<String, Object>> ofStage(List<Map<String, Object>> rows, String stage) {
    return rows.stream().filter(r -> stage.equals(r.get("decision"))).toList();
  }
}
