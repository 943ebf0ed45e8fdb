package org.nrmreferrals.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Positive-RG cases awaiting a CG decision, by age of case and up to three dimensions. */
public record BacklogTable(
    @Schema(description = "The moment the counted data was read") Instant asOf,
    List<String> groupBy,
    @Schema(description = "The filters applied, by dimension") Map<String, String> filters,
    @JsonInclude(content = JsonInclude.Include.ALWAYS)
        @Schema(ref = "BacklogRow", description = "Counts by groupBy and ageOfCase")
        List<Map<String, Object>> rows,
    @Schema(
            description =
                "Subtotals: by groupBy alone (with medians), by every proper subset of groupBy"
                    + " with and without ageOfCase, and by ageOfCase alone")
        List<Margin> margins,
    @JsonInclude(content = JsonInclude.Include.ALWAYS) @Schema(ref = "BacklogRow")
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
