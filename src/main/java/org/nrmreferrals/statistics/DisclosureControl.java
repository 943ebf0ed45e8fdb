package org.nrmreferrals.statistics;

/**
 * The rule a statistics response applied, stated with every response.
 *
 * @param maxNoise the largest noise the cell-key method adds to a published count (0: none)
 * @param exact whether the figures are exact (a statistician's read: nothing hidden or changed)
 */
public record DisclosureControl(
    int threshold,
    int roundingBase,
    int maxNoise,
    int suppressedCells,
    boolean exact,
    String rule) {

  DisclosureControl(int threshold, int roundingBase, int maxNoise, int suppressedCells) {
    this(
        threshold,
        roundingBase,
        maxNoise,
        suppressedCells,
        false,
        "Counts from 1 to "
            + (threshold - 1)
            + " are suppressed. Further counts are suppressed, smallest first, until no"
            + " suppressed count in a row, column or total can be worked out by subtraction,"
            + " nor by solving all the published rows, columns and totals together."
            + " Each calendar year is protected as one table of years, quarters and months, with"
            + " filters as dimensions of it, the same way in every query; a count over any other"
            + " period sums whole years, quarters and months and is published only if every one"
            + " of them is."
            + (maxNoise > 0
                ? " Each published count then has a noise of at most "
                    + maxNoise
                    + " either way added (the cell-key method): fixed by the records the cell"
                    + " counts, so the same cell has the same noise in every answer and every"
                    + " release, never taking a count below "
                    + threshold
                    + "; zeros are not changed, and totals need not equal the sum of their parts."
                : "")
            + (roundingBase > 1
                ? " Published counts are rounded to the nearest multiple of " + roundingBase + "."
                : ""));
  }

  /** The rule of medians: given over enough cases, and never one case's own value. */
  static DisclosureControl medians(int threshold, int suppressed) {
    return new DisclosureControl(
        threshold,
        1,
        0,
        suppressed,
        false,
        "A median is given only over at least "
            + threshold
            + " decisions, and as the mean of the middle five values (six when their number is"
            + " even) rounded to a whole day, so that it is never one case's own value.");
  }

  /** The same rule, over fewer cells. */
  DisclosureControl withSuppressedCells(int cells) {
    return new DisclosureControl(threshold, roundingBase, maxNoise, cells, exact, rule);
  }

  /** A statistician's exact figures. */
  static DisclosureControl exactFigures() {
    return new DisclosureControl(
        1,
        1,
        0,
        0,
        true,
        "Exact figures of the release, for a statistician: nothing suppressed, perturbed or"
            + " rounded. This read is audited. Apply disclosure control before publishing any of"
            + " them.");
  }
}
