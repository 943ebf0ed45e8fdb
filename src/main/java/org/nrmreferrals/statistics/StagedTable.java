package org.nrmreferrals.statistics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A table whose lines are each led by a decision (an RG or CG stage, or the decision reconsidered),
 * one protected table per decision, by up to three dimensions: decisions issued, reconsiderations
 * decided, or times to decision. {@code total} has one line per decision.
 *
 * @param columns the value columns of its CSV
 */
public record StagedTable(
    long release,
    Instant asOf,
    String from,
    String to,
    List<String> groupBy,
    Map<String, String> filters,
    @JsonInclude(content = JsonInclude.Include.ALWAYS) List<Map<String, Object>> rows,
    List<Margin> margins,
    @JsonInclude(content = JsonInclude.Include.ALWAYS) List<Map<String, Object>> total,
    DisclosureControl disclosureControl,
    @JsonIgnore List<String> columns)
    implements PublishedTable {

  static final List<String> ISSUED =
      List.of("issued", "positive", "negative", "positiveShare", "suppressed");
  static final List<String> DECIDED = List.of("decided", "accepted", "declined", "suppressed");
  static final List<String> TIMES = List.of(DecisionTimes.MEDIAN, "suppressed");

  @Override
  public List<Map<String, Object>> lines() {
    return PublishedTable.lines(rows, margins, total);
  }

  @Override
  public String csv() {
    return CsvTables.write(List.of("decision"), groupBy, columns, lines());
  }
}
