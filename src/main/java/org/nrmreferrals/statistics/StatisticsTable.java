package org.nrmreferrals.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Referrals (or what {@code counts} says) counted by up to three dimensions, with subtotals and a
 * total.
 */
public record StatisticsTable(
    long release,
    Instant asOf,
    String from,
    String to,
    List<String> groupBy,
    Map<String, String> filters,
    String counts,
    @JsonInclude(content = JsonInclude.Include.ALWAYS) List<Map<String, Object>> rows,
    List<Margin> margins,
    @JsonInclude(content = JsonInclude.Include.ALWAYS) Map<String, Object> total,
    DisclosureControl disclosureControl)
    implements PublishedTable {
  @Override
  public List<Map<String, Object>> lines() {
    return PublishedTable.lines(rows, margins, List.of(total));
  }

  @Override
  public String csv() {
    return CsvTables.write(List.of(), groupBy, List.of("count", "suppressed"), lines());
  }
}
