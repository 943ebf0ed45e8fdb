package org.nrmreferrals.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RG and CG decisions issued in a period, and the share positive, by up to three dimensions. */
public record DecisionTable(
    @Schema(description = "The moment the counted data was read") Instant asOf,
    @Schema(example = "2026-01") String from,
    @Schema(example = "2026-12") String to,
    List<String> groupBy,
    @Schema(description = "The filters applied, by dimension") Map<String, String> filters,
    @JsonInclude(content = JsonInclude.Include.ALWAYS) @Schema(ref = "DecisionRow")
        List<Map<String, Object>> rows,
    @Schema(description = "Subtotals over every proper subset of groupBy")
        List<DecisionMargin> margins,
    @JsonInclude(content = JsonInclude.Include.ALWAYS)
        @Schema(ref = "DecisionRow", description = "One row per decision stage")
        List<Map<String, Object>> total,
    DisclosureControl disclosureControl)
    implements PublishedTable {

  /** Decision subtotals over the dimensions named. */
  public record DecisionMargin(
      List<String> groupBy,
      @JsonInclude(content = JsonInclude.Include.ALWAYS) @Schema(ref = "DecisionRow")
          List<Map<String, Object>> rows) {}

  @Override
  public List<Map<String, Object>> lines() {
    List<Map<String, Object>> lines = new ArrayList<>(rows);
    margins.forEach(m -> lines.addAll(m.rows()));
    lines.addAll(total);
    return lines;
  }
}
