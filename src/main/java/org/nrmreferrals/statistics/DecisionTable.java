package org.nrmreferrals.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** RG and CG decisions issued in a period, and the share positive, by up to three dimensions. */
public record DecisionTable(
    long release,
    Instant asOf,
    String from,
    String to,
    List<String> groupBy,
    Map<String, String> filters,
    @JsonInclude(content = JsonInclude.Include.ALWAYS) List<Map<String, Object>> rows,
    List<DecisionMargin> margins,
    @JsonInclude(content = JsonInclude.Include.ALWAYS) List<Map<String, Object>> total,
    DisclosureControl disclosureControl)
    implements PublishedTable {

  /** Decision subtotals over the dimensions named. */
  public record DecisionMargin(
      List<String> groupBy,
      @JsonInclude(content = JsonInclude.Include.ALWAYS) List<Map<String, Object>> rows) {}

  @Override
  public List<Map<String, Object>> lines() {
    List<Map<String, Object>> lines = new ArrayList<>(rows);
    margins.forEach(m -> lines.addAll(m.rows()));
    lines.addAll(total);
    return lines;
  }

  @Override
  public String csv() {
    return CsvTables.write(
        List.of("decision"),
        groupBy,
        List.of("issued", "positive", "negative", "positiveShare", "suppressed"),
        lines());
  }
}
