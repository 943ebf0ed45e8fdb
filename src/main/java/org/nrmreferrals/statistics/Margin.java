package org.nrmreferrals.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** A table of subtotals: the same counts summed over the dimensions not named. */
public record Margin(
    List<String> groupBy,
    @JsonInclude(content = JsonInclude.Include.ALWAYS) List<Map<String, Object>> rows) {}
