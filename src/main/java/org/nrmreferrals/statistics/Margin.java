package org.nrmreferrals.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A table of subtotals: the same counts summed over the dimensions not named. */
@Schema(description = "Subtotals over the dimensions named in groupBy, protected like the rows")
public record Margin(
    List<String> groupBy,
    @JsonInclude(content = JsonInclude.Include.ALWAYS) @Schema(ref = "StatisticsRow")
        List<Map<String, Object>> rows) {}
