package org.nrmreferrals.statistics;

/** The rule a statistics response applied, stated with every response. */
public record DisclosureControl(int threshold, int roundingBase, int suppressedCells, String rule) {

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
