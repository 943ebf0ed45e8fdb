package org.nrmreferrals.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Positive-RG cases awaiting a CG decision, by age of case and up to three dimensions. */
public record BacklogTable(
    long release,
    Instant asOf,
    List<String> groupBy,
    Map<String, String> filters,
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
    List<String> dims = new ArrayList<>(groupBy);
    dims.add("ageOfCase");
    return CsvTables.write(
        List.of(),
        dims,
        List.of("count", "suppressed", "medianDaysReferralToRg", "medianDaysRgToCg"),
        lines());
  }
}
