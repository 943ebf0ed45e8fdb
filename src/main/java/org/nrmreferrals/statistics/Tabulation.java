package org.nrmreferrals.statistics;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.LongObjectHashMap;
import com.carrotsearch.hppc.cursors.LongIntCursor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntUnaryOperator;

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
 *   <li><b>Primary suppression</b>: a cell counting from 1 to threshold - 1 is suppressed.
 *   <li><b>Secondary suppression</b>: a cell is the sum of its children along each coded axis (its
 *       row, its column, ...) and along time (a year of its quarters, a quarter of its months). No
 *       such relation may hold exactly one suppressed member, or that member is its sum minus the
 *       others. Tables are protected from the grand total upwards with their parents fixed; within
 *       a table the smallest cell is suppressed first (a zero cell when no other is left) until no
 *       relation holds exactly one.
 * </ul>
 *
 * <p>A table's pattern depends only on its own counts and its parents' patterns, visited in one
 * canonical order, so the same table gets the same pattern in every query that contains it. Filters
 * are axes of the cube (an answer is a slice of it), so a filtered answer and an unfiltered one
 * cannot be subtracted; and since a year's cube always counts the whole calendar year, any period
 * is answered from the same cells (see {@link Statistics}).
 */
final class Tabulation {
  /** A coded axis: codes 0 to size - 1 read off each fact; for a multi axis, a bit set. */
  record Axis(String name, int size, IntUnaryOperator code, boolean multi) {
    Axis {
      if (multi && size > 31) {
        throw new IllegalArgumentException("a multi-valued axis holds at most 31 codes");
      }
    }
  }

  /** The facts counted: {@code month} gives a fact's month (0 to 11), or -1 to skip it. */
  interface Facts {
    int size();

    int month(int fact);
  }

  /** A table no suppression pattern can protect; the caller refuses to publish it. */
  static final class Unprotectable extends RuntimeException {
    Unprotectable(String message) {
      super(message, null, false, false);
    }
  }

  static final byte PUBLISHED = 0;
  static final byte PRIMARY = 1;
  static final byte SECONDARY = 2;

  /** Time levels: the whole year (or no time at all), its quarters, its months. */
  static final int YEAR = 0;

  static final int QUARTER = 1;
  static final int MONTH = 2;
  private static final int MONTHS = 12;

  private final List<Axis> axes;
  private final int levels;
  private final int threshold;
  private final long[] weight;
  private final Table[] tables;

  /**
   * Counts and protects at once.
   *
   * @param axes coded axes in canonical order (at most one multi-valued)
   * @param withTime whether facts' months form the year, quarter and month levels
   * @param threshold the smallest count published (at least 1)
   */
  Tabulation(Facts facts, List<Axis> axes, boolean withTime, int threshold) {
    this.axes = List.copyOf(axes);
    this.levels = withTime ? 3 : 1;
    this.threshold = threshold;
    this.weight = new long[axes.size()];
    long w = 1;
    for (int i = axes.size() - 1; i >= 0; i--) {
      weight[i] = w;
      w = Math.multiplyExact(w, axes.get(i).size());
    }
    Math.multiplyExact(w, (long) MONTHS * MONTHS);
    int multi = -1;
    for (int i = 0; i < axes.size(); i++) {
      if (axes.get(i).multi()) {
        if (multi >= 0) {
          throw new IllegalArgumentException("at most one multi-valued axis");
        }
        multi = i;
      }
    }
    LongIntHashMap[] counted = count(facts, multi);
    int masks = 1 << axes.size();
    this.tables = new Table[masks * levels];
    Integer[] order = new Integer[tables.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> Integer.bitCount(i % masks) + i / masks));
    for (int i : order) {
      int mask = i % masks;
      int level = i / masks;
      boolean keepsMulti = multi < 0 || (mask & (1 << multi)) != 0;
      tables[i] = tabulate(mask, level, keepsMulti ? counted[0] : counted[1]);
      protect(tables[i]);
    }
  }

  /**
   * One pass over the facts: (axes key, month) to count. With a multi-valued axis a fact counts
   * once per code in the first map, and once (that axis read as 0) in the second, for the tables
   * that leave the axis out and so count facts, not mentions.
   */
  private LongIntHashMap[] count(Facts facts, int multi) {
    LongIntHashMap all = new LongIntHashMap();
    LongIntHashMap once = multi < 0 ? all : new LongIntHashMap();
    int n = facts.size();
    int axisCount = axes.size();
    IntUnaryOperator[] code = new IntUnaryOperator[axisCount];
    for (int i = 0; i < axisCount; i++) {
      code[i] = axes.get(i).code();
    }
    for (int f = 0; f < n; f++) {
      int m = facts.month(f);
      if (m < 0) {
        continue;
      }
      long key = 0;
      int set = 0;
      for (int i = 0; i < axisCount; i++) {
        if (i == multi) {
          set = code[i].applyAsInt(f);
        } else {
          key += code[i].applyAsInt(f) * weight[i];
        }
      }
      if (multi < 0) {
        all.addTo(key * MONTHS + m, 1);
        continue;
      }
      once.addTo(key * MONTHS + m, 1);
      for (int s = set; s != 0; s &= s - 1) {
        all.addTo((key + Integer.numberOfTrailingZeros(s) * weight[multi]) * MONTHS + m, 1);
      }
    }
    return new LongIntHashMap[] {all, once};
  }

  /** Sums the counted (key, month) pairs into the cells of one table. */
  private Table tabulate(int mask, int level, LongIntHashMap source) {
    Table table = new Table(mask, level);
    for (LongIntCursor c : source) {
      long axesKey = c.key / MONTHS;
      int m = (int) (c.key % MONTHS);
      int i = table.cell(project(axesKey, mask) * MONTHS + timeCode(m, level));
      table.counts[i] += c.value;
    }
    for (int i = 0; i < table.size; i++) {
      int count = table.counts[i];
      table.status[i] = count >= 1 && count < threshold ? PRIMARY : PUBLISHED;
    }
    return table;
  }

  private static int timeCode(int month, int level) {
    return switch (level) {
      case QUARTER -> month / 3;
      case MONTH -> month;
      default -> 0;
    };
  }

  private long project(long axesKey, int mask) {
    long key = 0;
    for (int i = 0; i < axes.size(); i++) {
      if ((mask & (1 << i)) != 0) {
        key += ((axesKey / weight[i]) % axes.get(i).size()) * weight[i];
      }
    }
    return key;
  }

  /** The code of an axis in a cell key. */
  int code(long cellKey, int axis) {
    return (int) ((cellKey / MONTHS / weight[axis]) % axes.get(axis).size());
  }

  /** The time code of a cell key: 0 for a year, the quarter (0-3) or the month (0-11). */
  static int time(long cellKey) {
    return (int) (cellKey % MONTHS);
  }

  /** A cell key from one code per axis (codes of axes outside the table must be 0). */
  long key(int[] codes, int time) {
    long key = 0;
    for (int i = 0; i < axes.size(); i++) {
      key += codes[i] * weight[i];
    }
    return key * MONTHS + time;
  }

  private long withCode(long cellKey, int axis, long code) {
    return cellKey + (code - code(cellKey, axis)) * weight[axis] * MONTHS;
  }

  private Table table(int mask, int level) {
    return tables[level * (1 << axes.size()) + mask];
  }

  /** The table over the axes of the mask, at a time level. */
  Table get(int mask, int level) {
    return table(mask, level);
  }

  /**
   * A relation of a table: its members are the cells sharing a parent; {@code axis} is the coded
   * axis summed over, or -1 for time (a year over its quarters, a quarter over its months).
   */
  private record Relation(int axis) {}

  /** Secondary suppression of one table, its parents already fixed. */
  private void protect(Table table) {
    List<Relation> relations = new ArrayList<>();
    for (int a = 0; a < axes.size(); a++) {
      if ((table.mask & (1 << a)) != 0) {
        relations.add(new Relation(a));
      }
    }
    if (table.level > YEAR) {
      relations.add(new Relation(-1));
    }
    if (relations.isEmpty()) {
      return;
    }
    List<LongObjectHashMap<IntArrayList>> groups = new ArrayList<>();
    for (int r = 0; r < relations.size(); r++) {
      groups.add(new LongObjectHashMap<>());
    }
    for (int i = 0; i < table.size; i++) {
      join(table, relations, groups, i);
    }
    boolean changed;
    do {
      changed = false;
      for (int r = 0; r < relations.size(); r++) {
        Table parent = parentOf(table, relations.get(r));
        long[] parents = groups.get(r).keys().toArray();
        Arrays.sort(parents);
        for (long parentKey : parents) {
          IntArrayList kids = groups.get(r).get(parentKey);
          int suppressed = parent.suppressed(parentKey) ? 1 : 0;
          for (int k = 0; k < kids.size(); k++) {
            if (table.status[kids.get(k)] != PUBLISHED) {
              suppressed++;
            }
          }
          if (suppressed == 1) {
            suppressAnother(table, relations, groups, r, parentKey);
            changed = true;
          }
        }
      }
    } while (changed);
  }

  private Table parentOf(Table table, Relation relation) {
    return relation.axis() < 0
        ? table(table.mask, table.level - 1)
        : table(table.mask & ~(1 << relation.axis()), table.level);
  }

  /** The key of a cell's parent in a relation. */
  private long parentKey(Table table, Relation relation, long key) {
    if (relation.axis() >= 0) {
      return withCode(key, relation.axis(), 0);
    }
    long base = key - time(key);
    return table.level == MONTH ? base + time(key) / 3 : base;
  }

  /** The keys of every possible member of a relation under a parent. */
  private long[] possibleMembers(Table table, Relation relation, long parentKey) {
    if (relation.axis() >= 0) {
      long[] out = new long[axes.get(relation.axis()).size()];
      for (int code = 0; code < out.length; code++) {
        out[code] = withCode(parentKey, relation.axis(), code);
      }
      return out;
    }
    long base = parentKey - time(parentKey);
    if (table.level == QUARTER) {
      return new long[] {base, base + 1, base + 2, base + 3};
    }
    int quarter = time(parentKey);
    return new long[] {base + 3 * quarter, base + 3 * quarter + 1, base + 3 * quarter + 2};
  }

  private void join(
      Table table, List<Relation> relations, List<LongObjectHashMap<IntArrayList>> groups, int i) {
    for (int r = 0; r < relations.size(); r++) {
      long parentKey = parentKey(table, relations.get(r), table.keys[i]);
      IntArrayList kids = groups.get(r).get(parentKey);
      if (kids == null) {
        kids = new IntArrayList(4);
        groups.get(r).put(parentKey, kids);
      }
      kids.add(i);
    }
  }

  /**
   * Suppresses one more member of a relation: the smallest published non-zero member free to hide,
   * else a zero member whose other parents are not zero (a cell under a zero parent is known to be
   * zero and would protect nothing), else a pinned member.
   */
  private void suppressAnother(
      Table table,
      List<Relation> relations,
      List<LongObjectHashMap<IntArrayList>> groups,
      int r,
      long parentKey) {
    IntArrayList kids = groups.get(r).get(parentKey);
    int best = pick(table, relations, groups, r, kids, false);
    if (best < 0) {
      best = zeroCell(table, relations, groups, r, parentKey);
    }
    if (best < 0) {
      best = pick(table, relations, groups, r, kids, true);
    }
    if (best < 0) {
      throw new Unprotectable(
          "no cell is left to suppress beside a hidden one (table "
              + table.mask
              + " at level "
              + table.level
              + ", relation "
              + relations.get(r).axis()
              + ", parent "
              + parentKey
              + "); group by fewer dimensions");
    }
    table.status[best] = SECONDARY;
  }

  private int pick(
      Table table,
      List<Relation> relations,
      List<LongObjectHashMap<IntArrayList>> groups,
      int r,
      IntArrayList kids,
      boolean pinnedToo) {
    int best = -1;
    for (int k = 0; k < kids.size(); k++) {
      int i = kids.get(k);
      if (table.status[i] != PUBLISHED || table.counts[i] == 0) {
        continue;
      }
      if (!pinnedToo
          && (pinned(table, relations, r, i) || strands(table, relations, groups, r, i))) {
        continue;
      }
      if (best < 0
          || table.counts[i] < table.counts[best]
          || (table.counts[i] == table.counts[best] && table.keys[i] < table.keys[best])) {
        best = i;
      }
    }
    return best;
  }

  /**
   * Whether hiding this cell would leave it the only hidden member of another relation with no
   * other member left to hide: its value would then follow from that relation.
   */
  private boolean strands(
      Table table,
      List<Relation> relations,
      List<LongObjectHashMap<IntArrayList>> groups,
      int r,
      int cell) {
    for (int c = 0; c < relations.size(); c++) {
      if (c == r) {
        continue;
      }
      Relation other = relations.get(c);
      long parentKey = parentKey(table, other, table.keys[cell]);
      if (parentOf(table, other).suppressed(parentKey)) {
        continue;
      }
      IntArrayList members = groups.get(c).get(parentKey);
      boolean alone = true;
      for (int k = 0; k < members.size() && alone; k++) {
        int m = members.get(k);
        alone = m == cell || (table.status[m] == PUBLISHED && table.counts[m] == 0);
      }
      if (alone && !hasZeroCandidate(table, relations, c, parentKey)) {
        return true;
      }
    }
    return false;
  }

  private boolean hasZeroCandidate(Table table, List<Relation> relations, int r, long parentKey) {
    for (long key : possibleMembers(table, relations.get(r), parentKey)) {
      if (!table.index.containsKey(key) && possibleZero(table, relations, r, key)) {
        return true;
      }
    }
    return false;
  }

  private boolean possibleZero(Table table, List<Relation> relations, int r, long key) {
    for (int c = 0; c < relations.size(); c++) {
      if (c != r) {
        Relation other = relations.get(c);
        Table parent = parentOf(table, other);
        long otherParent = parentKey(table, other, key);
        if (parent.count(otherParent) == 0 && !parent.suppressed(otherParent)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * A cell on a one-valued axis equals its parent along that axis, so it can only be hidden
   * together with that parent.
   */
  private boolean pinned(Table table, List<Relation> relations, int r, int cell) {
    for (int c = 0; c < relations.size(); c++) {
      Relation other = relations.get(c);
      if (c != r && other.axis() >= 0 && axes.get(other.axis()).size() == 1) {
        if (!parentOf(table, other).suppressed(parentKey(table, other, table.keys[cell]))) {
          return true;
        }
      }
    }
    return false;
  }

  private int zeroCell(
      Table table,
      List<Relation> relations,
      List<LongObjectHashMap<IntArrayList>> groups,
      int r,
      long parentKey) {
    for (long key : possibleMembers(table, relations.get(r), parentKey)) {
      if (table.index.containsKey(key)) {
        continue;
      }
      if (possibleZero(table, relations, r, key)) {
        int cell = table.cell(key);
        join(table, relations, groups, cell);
        return cell;
      }
    }
    return -1;
  }

  int axisCount() {
    return axes.size();
  }

  int levels() {
    return levels;
  }

  /** One table's cells: key, count, status. Zero cells appear only when suppressed. */
  static final class Table {
    final int mask;
    final int level;
    final LongIntHashMap index = new LongIntHashMap();
    long[] keys = new long[16];
    int[] counts = new int[16];
    byte[] status = new byte[16];
    int size;

    Table(int mask, int level) {
      this.mask = mask;
      this.level = level;
    }

    int cell(long key) {
      int slot = index.indexOf(key);
      if (index.indexExists(slot)) {
        return index.indexGet(slot);
      }
      if (size == keys.length) {
        int grown = size * 2;
        keys = Arrays.copyOf(keys, grown);
        counts = Arrays.copyOf(counts, grown);
        status = Arrays.copyOf(status, grown);
      }
      keys[size] = key;
      index.indexInsert(slot, key, size);
      return size++;
    }

    int count(long key) {
      int slot = index.indexOf(key);
      return index.indexExists(slot) ? counts[index.indexGet(slot)] : 0;
    }

    boolean suppressed(long key) {
      int slot = index.indexOf(key);
      return index.indexExists(slot) && status[index.indexGet(slot)] != PUBLISHED;
    }

    byte status(long key) {
      int slot = index.indexOf(key);
      return index.indexExists(slot) ? status[index.indexGet(slot)] : PUBLISHED;
    }
  }
}
