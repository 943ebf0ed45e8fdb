package org.nrmreferrals.statistics.disclosure;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Counts facts into a cube and decides, cell by cell, what may be published.
 *
 * <p>The cube has a handful of coded axes (the dimensions grouped by, the dimensions filtered on,
 * and internal ones such as a decision's outcome) and, for facts that have a date, the months of
 * one calendar year as a hierarchy: the year, its quarters, its months. Every subset of the coded
 * axes at every time level is a table (no axes at year level is the grand total), and every table
 * is protected:
 *
 * <ul>
 *   <li><b>Primary suppression</b>: a cell counting from 1 to threshold - 1 is suppressed ({@link
 *       Counting}).
 *   <li><b>Secondary suppression</b>: a cell is the sum of its children along each coded axis (its
 *       row, its column, ...) and along time (a year of its quarters, a quarter of its months). No
 *       such relation may hold exactly one suppressed member, or that member is its sum minus the
 *       others. Tables are protected from the grand total upwards with their parents fixed; within
 *       a table the smallest cell is suppressed first (a zero cell when no other is left) until no
 *       relation holds exactly one ({@link GreedySuppression}, {@link ZeroCells}).
 *   <li><b>Audit</b>: one relation at a time is not enough beyond two dimensions, so the relations
 *       of the table and of every table under it are then solved together for the hidden counts
 *       ({@link LinearAudit}, {@link Determined}); each count they fix gets one more cell of this
 *       table hidden beside it, and the table is protected and audited again until none is fixed
 *       ({@link SecondarySuppression}).
 *   <li><b>Withholding</b>: a table no pattern protects is withheld whole, with every finer table
 *       under it (publishing one would give the withheld one away). When the finest table over all
 *       axes is withheld, all published tables are audited together at the end (see {@link
 *       #auditWhole}).
 * </ul>
 *
 * <p>A table's pattern depends only on its own counts and the patterns and counts of the tables
 * under it, visited in one canonical order, so the same table gets the same pattern in every query
 * that contains it. Filters are axes of the cube (an answer is a slice of it), so a filtered answer
 * and an unfiltered one cannot be subtracted; and since a year's cube always counts the whole
 * calendar year, any period is answered from the same cells (see the service's {@code Cubes}).
 */
public final class Cube {
  /** Time levels: the whole year (or no time at all), its quarters, its months. */
  public static final int YEAR = 0;

  public static final int QUARTER = 1;
  public static final int MONTH = 2;

  /** When protecting must have finished, as a {@link System#nanoTime} value. */
  private final long deadline;

  final CellKeys keys;
  private final List<Axis> axes;
  private final int levels;
  final Table[] tables;
  final int[] rank;

  /** Each final table's relations as equations over hidden cells (see {@link LinearAudit}). */
  final long[][][] equations;

  private final ZeroCells zeros;
  private final LinearAudit audit;
  private final SecondarySuppression secondary;

  /**
   * Counts and protects at once.
   *
   * @param axes coded axes in canonical order (at most one multi-valued)
   * @param withTime whether facts' months form the year, quarter and month levels
   * @param threshold the smallest count published (at least 1)
   */
  public Cube(Facts facts, List<Axis> axes, boolean withTime, int threshold) {
    this(facts, axes, withTime, threshold, Long.MAX_VALUE);
  }

  /**
   * Counts and protects at once, or gives up with {@link TooCostly} once {@code deadline} (a {@link
   * System#nanoTime} value) has passed: then nothing of the cube may be published.
   */
  public Cube(Facts facts, List<Axis> axes, boolean withTime, int threshold, long deadline) {
    this.deadline = deadline;
    this.keys = new CellKeys(axes);
    this.axes = keys.axes;
    this.levels = withTime ? 3 : 1;
    int multi = -1;
    for (int i = 0; i < axes.size(); i++) {
      if (axes.get(i).multi()) {
        if (multi >= 0) {
          throw new IllegalArgumentException("at most one multi-valued axis");
        }
        multi = i;
      }
    }
    Counting counting = new Counting(keys, threshold);
    Counting.Counted[] counted = counting.count(facts, multi);
    // Decoded once, so that each of the cube's tables sums arrays (in the maps' order, which
    // fixes the order of each table's cells) rather than dividing every key again.
    Counting.Source all = counting.source(counted[0]);
    Counting.Source once = counted[1] == counted[0] ? all : counting.source(counted[1]);
    int multiAxis = multi;
    int masks = 1 << axes.size();
    this.tables = new Table[masks * levels];
    this.rank = new int[tables.length];
    this.equations = new long[tables.length][][];
    this.zeros = new ZeroCells(this);
    this.audit = new LinearAudit(this);
    this.secondary =
        new SecondarySuppression(this, new GreedySuppression(this, zeros), zeros, audit);
    Integer[] order = new Integer[tables.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> Integer.bitCount(i % masks) + i / masks));
    for (int r = 0; r < order.length; r++) {
      rank[order[r]] = r;
    }
    // Tables of one rank (axes + time level) have no ancestor among themselves: each group is
    // protected in parallel once the groups before it are done.
    for (int from = 0; from < order.length; ) {
      int rankOf = Integer.bitCount(order[from] % masks) + order[from] / masks;
      int to = from;
      while (to < order.length
          && Integer.bitCount(order[to] % masks) + order[to] / masks == rankOf) {
        to++;
      }
      Arrays.stream(order, from, to)
          .parallel()
          .forEach(
              i -> {
                checkDeadline();
                int mask = i % masks;
                int level = i / masks;
                boolean keepsMulti = multiAxis < 0 || (mask & (1 << multiAxis)) != 0;
                Table empty = new Table(mask, level, level * masks + mask);
                if (anyParentWithheld(empty)) {
                  // Withheld with its parent: its cells would never be read, so none are counted.
                  empty.withheld = true;
                  tables[empty.index] = empty;
                  equations[empty.index] = new long[0][];
                } else {
                  build(counting.tabulate(mask, level, keepsMulti ? all : once));
                }
              });
      from = to;
    }
    auditWhole(masks - 1);
  }

  /** Protects a freshly counted table, or withholds it. */
  private void build(Table table) {
    tables[table.index] = table;
    table.withheld = anyParentWithheld(table);
    if (!table.withheld) {
      try {
        secondary.protect(table, false);
        zeros.indexRows(table);
      } catch (Unprotectable e) {
        table.withheld = true;
      }
    }
    if (table.withheld) {
      equations[table.index] = new long[0][];
    }
  }

  /**
   * When the finest table over all axes is withheld, no single audit has seen every published table
   * together: audits them all and repairs in the tables over all axes (which no other cube holds,
   * so tables shared with other cubes keep their patterns), finest first, withholding one that
   * cannot be repaired; if the tables over fewer axes determine a count on their own, the whole
   * cube is withheld.
   */
  private void auditWhole(int full) {
    if (!table(full, levels - 1).withheld) {
      return;
    }
    for (int level = levels - 1; level >= 0; level--) {
      Table table = table(full, level);
      if (table.withheld) {
        continue;
      }
      try {
        secondary.protect(table, true);
        return;
      } catch (Unprotectable e) {
        table.withheld = true;
        equations[table.index] = new long[0][];
      }
    }
    if (full != 0 && determinedOrTooMany()) {
      for (Table table : tables) {
        table.withheld = true;
      }
    }
  }

  /**
   * Whether the published tables together determine a hidden count, or hide too many counts to
   * audit together (then none can be shown safe: the cube is withheld as when one is determined).
   */
  private boolean determinedOrTooMany() {
    try {
      return audit.determined(null, null, true).length > 0;
    } catch (Unprotectable e) {
      return true;
    }
  }

  /** Gives up, when protecting has taken longer than it may. */
  void checkDeadline() {
    if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
      throw new TooCostly();
    }
  }

  /** Protecting a cube took longer than a request may: nothing of it may be published. */
  public static final class TooCostly extends RuntimeException {
    TooCostly() {
      super("protecting this breakdown took longer than a request may", null, false, false);
    }
  }

  /** The code of an axis in a cell key. */
  public int code(long cellKey, int axis) {
    return keys.code(cellKey, axis);
  }

  /** The time code of a cell key: 0 for a year, the quarter (0-3) or the month (0-11). */
  public static int time(long cellKey) {
    return CellKeys.time(cellKey);
  }

  /** A cell key from one code per axis (codes of axes outside the table must be 0). */
  long key(int[] codes, int time) {
    return keys.key(codes, time);
  }

  private Table table(int mask, int level) {
    return tables[level * (1 << axes.size()) + mask];
  }

  /** The table over the axes of the mask, at a time level. */
  public Table get(int mask, int level) {
    return table(mask, level);
  }

  /** The parent of a table in a relation: over one axis fewer, or at the coarser time level. */
  Table parentOf(Table table, Relation relation) {
    return relation.axis() < 0
        ? table(table.mask, table.level - 1)
        : table(table.mask & ~(1 << relation.axis()), table.level);
  }

  /** Whether a table's parent is withheld: publishing the table would give that parent away. */
  private boolean anyParentWithheld(Table table) {
    for (int a = 0; a < axes.size(); a++) {
      if ((table.mask & (1 << a)) != 0 && table(table.mask & ~(1 << a), table.level).withheld) {
        return true;
      }
    }
    return table.level > YEAR && table(table.mask, table.level - 1).withheld;
  }

  /** The number of coded axes. */
  public int axisCount() {
    return axes.size();
  }

  /** The number of time levels: 3 (year, quarter, month), or 1 for a cube without time. */
  public int levels() {
    return levels;
  }
}
