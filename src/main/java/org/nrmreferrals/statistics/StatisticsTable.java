package org.nrmreferrals.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Referrals counted by up to three dimensions, with subtotals and a total. */
public record StatisticsTable(
    @Schema(description = "The moment the counted data was read") Instant asOf,
    @Schema(example = "2026-01") String from,
    @Schema(example = "2026-12") String to,
    List<String> groupBy,
    @Schema(description = "The filters applied, by dimension") Map<String, String> filters,
    @JsonInclude(content = JsonInclude.Include.ALWAYS) @Schema(ref = "StatisticsRow")
        List<Map<String, Object>> rows,
    @Schema(description = "Subtotals over every proper subset of groupBy") List<Margin> margins,
    @JsonInclude(content = JsonInclude.Include.ALWAYS) @Schema(ref = "StatisticsRow")
        Map<String, Object> total,
    DisclosureControl disclosureControl)
    implements PublishedTable {
  @Override
  public List<Map<String, Object>> lines() {
    List<Map<String, Object>> lines = new ArrayList<>(rows);
    margins.forEach(m -> lines.addAll(m.rows()));
    lines.add(total);
    return lines;
  }
}
