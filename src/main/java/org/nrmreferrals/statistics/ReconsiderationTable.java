package org.nrmreferrals.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reconsideration requests decided in a period (decided, accepted, declined), per decision
 * reconsidered, by grounds and up to three dimensions.
 */
public record ReconsiderationTable(
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
        List.of("decision"),
        groupBy,
        List.of("decided", "accepted", "declined", "suppressed"),
        lines());
  }
}
