package org.nrmreferrals.statistics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The rule a statistics response applied, stated with every response. */
@Schema(description = "The disclosure control applied to this response")
public record DisclosureControl(
    @Schema(description = "Counts from 1 to threshold - 1 are suppressed") int threshold,
    @Schema(description = "Published counts are rounded to a multiple of this; 1 means exact")
        int roundingBase,
    @Schema(description = "Counts suppressed in this response (primary and secondary)")
        int suppressedCells,
    @Schema(description = "The rule in words") String rule) {

  DisclosureControl(int threshold, int roundingBase, int suppressedCells) {
    this(
        threshold,
        roundingBase,
        suppressedCells,
        "Counts from 1 to "
            + (threshold - 1)
            + " are suppressed. Further counts are suppressed, smallest first, until no"
            + " suppressed count in a row, column or total can be worked out by subtraction,"
            + " nor by solving all the published rows, columns and totals together."
            + " Each calendar year is protected as one table of years, quarters and months, with"
            + " filters as dimensions of it, the same way in every query; a count over any other"
            + " period sums whole years, quarters and months and is published only if every one"
            + " of them is."
            + (roundingBase > 1
                ? " Published counts are rounded to the nearest multiple of " + roundingBase + "."
                : ""));
  }
}
