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
 *       under it (publishing one would give the withheld one away). When a time level's table over
 *       all axes is withheld, the published tables of that level and the coarser ones are audited
 *       together (see {@link #auditWhole}).
 * </ul>
 *
 * <p>A table's pattern depends only on its own counts and the patterns and counts of the tables
 * under it, visited in one canonical order, so the same table gets the same pattern in every query
 * that contains it. Filters are axes of the cube (an answer is a slice of it), so a filtered answer
 * and an unfiltered one cannot be subtracted (an exact read, which hides nothing, applies them to
 * the facts instead); and since a year's cube always counts the whole calendar year, any period is
 * answered from the same cells (see the service's {@code Cubes}).
 */
public final class Cube {
  /** Time levels: the whole year (or no time at all), its quarters, its months. */
  public static final int YEAR = 0;

  public static final int QUARTER = 1;
  public static final int MONTH = 2;

  /** Whether secondary suppression and its audit run (see the constructor). */
  private final boolean withSecondary;

  /** When protecting must have finished, as a {@link System#nanoTime} value. */
  private final long deadline;

  final CellKeys keys;
  private final List<Axis> axes;
  private final int levels;

  /** The finest time level counted and protected; tables of finer levels are never built. */
  private final int finest;

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
    this(facts, axes, withTime, threshold, deadline, withTime ? MONTH : YEAR, true);
  }

  /**
   * Counts and protects the time levels down to {@code finest} only (a year's answer needs no
   * month): each level's tables get the patterns they get in a cube of every level, since no table
   * depends on a finer one (see {@link #auditWhole}).
   *
   * @param withSecondary whether secondary suppression (with its audit) runs; without it only
   *     counts under the threshold are hidden: for an exact read (threshold 1), which hides nothing
   */
  public Cube(
      Facts facts,
      List<Axis> axes,
      boolean withTime,
      int threshold,
      long deadline,
      int finest,
      boolean withSecondary) {
    if (finest < YEAR || finest > (withTime ? MONTH : YEAR)) {
      throw new IllegalArgumentException("no time level " + finest + " in this cube");
    }
    this.deadline = deadline;
    this.withSecondary = withSecondary;
    this.keys = new CellKeys(axes);
    this.axes = keys.axes;
    this.levels = withTime ? 3 : 1;
    this.finest = finest;
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
    // The canonical order: by the number of axes plus the time level. It orders repairs (see
    // LinearAudit), so it must not depend on how many levels are built.
    Integer[] order = new Integer[tables.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> Integer.bitCount(i % masks) + i / masks));
    for (int r = 0; r < order.length; r++) {
      rank[order[r]] = r;
    }
    // Built level by level, each finished (and audited whole) before the next: a level's patterns
    // then never depend on a finer one. Within a level, tables over as many axes have no ancestor
    // among themselves: each such group is protected in parallel once the groups before it are.
    for (int level = 0; level <= finest; level++) {
      for (int axisCount = 0; axisCount <= axes.size(); axisCount++) {
        int atLevel = level;
        int over = axisCount;
        java.util.stream.IntStream.range(0, masks)
            .filter(mask -> Integer.bitCount(mask) == over)
            .parallel()
            .forEach(
                mask -> {
                  checkDeadline();
                  boolean keepsMulti = multiAxis < 0 || (mask & (1 << multiAxis)) != 0;
                  Table empty = new Table(mask, atLevel, atLevel * masks + mask);
                  if (anyParentWithheld(empty)) {
                    // Withheld with its parent: its cells would never be read, so none are
                    // counted.
                    empty.withheld = true;
                    tables[empty.index] = empty;
                    equations[empty.index] = new long[0][];
                  } else {
                    build(counting.tabulate(mask, atLevel, keepsMulti ? all : once));
                  }
                });
      }
      auditWhole(masks - 1, level);
    }
  }

  /** Protects a freshly counted table, or withholds it. */
  private void build(Table table) {
    tables[table.index] = table;
    table.withheld = anyParentWithheld(table);
    if (!table.withheld && !withSecondary) {
      equations[table.index] = new long[0][];
      return;
    }
    if (!table.withheld) {
      try {
        secondary.protect(table);
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
   * When a level's table over all axes is withheld, no single audit has seen every published table
   * of that level and the coarser ones together (otherwise that table's own audit has: they are all
   * its ancestors). They are audited together now; if they determine a hidden count, or hide too
   * many to audit, the whole level is withheld (and so every finer one). Only this level's tables
   * are touched, so a coarser level keeps the patterns it has in a cube built no further.
   */
  private void auditWhole(int full, int level) {
    if (!withSecondary || full == 0 || !table(full, level).withheld || table(0, level).withheld) {
      // Nothing to audit: the full table's own audit saw the level, or the level is already
      // withheld with a coarser one.
      return;
    }
    checkDeadline();
    if (!determinedOrTooMany()) {
      return;
    }
    for (int mask = 0; mask <= full; mask++) {
      Table table = table(mask, level);
      table.withheld = true;
      equations[table.index] = new long[0][];
    }
  }

  /**
   * Whether the published tables together determine a hidden count, or hide too many counts to
   * audit together (then none can be shown safe: the cube is withheld as when one is determined).
   */
  private boolean determinedOrTooMany() {
    try {
      return audit.determined(null, null, true, new Work(Work.TABLE_BUDGET)).length > 0;
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

  /** The table over the axes of the mask, at a time level (no finer than the cube was built). */
  public Table get(int mask, int level) {
    if (level > finest) {
      throw new IllegalArgumentException("time level " + level + " was not built in this cube");
    }
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

  /** The finest time level built: {@link #MONTH} unless the cube was built to a coarser one. */
  public int finest() {
    return finest;
  }

  /** The number of time levels: 3 (year, quarter, month), or 1 for a cube without time. */
  public int levels() {
    return levels;
  }
}
