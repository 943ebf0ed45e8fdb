package org.nrmreferrals.statistics.disclosure;

/**
 * The work (entries merged, rows visited) the audits of one table may do together, over every round
 * of audit and repair: beyond it the table is too costly to protect within a request, and it is
 * refused (withheld) rather than answered seconds later. The work depends only on the table and the
 * tables under it, never on the clock, so the same table is refused in every query that holds it.
 */
final class Work {
  /**
   * The budget of one table: about 80 ms of elimination on these machines (60,000 units a
   * millisecond, measured in bench/statistics; see docs/design/disclosure-control.md).
   */
  static final long TABLE_BUDGET = 5_000_000;

  private final long budget;
  private long spent;

  Work(long budget) {
    this.budget = budget;
  }

  /** Counts work; past the budget the table is refused. */
  void spend(long units) {
    spent += units;
    if (spent > budget) {
      throw new Unprotectable("too costly to audit; group by fewer dimensions");
    }
  }
}
