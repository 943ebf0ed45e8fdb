package org.nrmreferrals.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The median days from referral to RG and to CG of the decisions issued in a period, per decision
 * stage and up to three dimensions (a period grouped by is the decision's).
 */
public record DecisionTimeTable(
    long release,
    Instant asOf,
    String from,
    String to,
    List<String> groupBy,
    Map<String, String> filters,
    @JsonInclude(content = JsonInclude.Include.ALWAYS) List<Map<String, Object>> rows,
    List<Margin> margins,
    @JsonInclude(content = JsonInclude.Include.ALWAYS) List<Map<String, Object>> total,
    DisclosureControl disclosureControl)
    implements PublishedTable {

  @Override
  public List<Map<String, Object>> lines() {
    return PublishedTable.lines(rows, margins, total);
  }

  @Override
  public String csv() {
    return CsvTables.write(
        List.of("decision"), groupBy, List.of(DecisionTimes.MEDIAN, "suppressed"), lines());
  }
}
