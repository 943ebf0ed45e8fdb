package org.nrmreferrals.statistics.disclosure;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntObjectHashMap;
import com.carrotsearch.hppc.LongArrayList;
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
 *   <li><b>Audit</b>: one relation at a time is not enough beyond two dimensions, so the relations
 *       of the table and of every table under it are then solved together for the hidden counts
 *       ({@link Determined}); each count they fix gets one more cell of this table hidden beside
 *       it, and the table is protected and audited again until none is fixed.
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
  /** A coded axis: codes 0 to size - 1 read off each fact; for a multi axis, a bit set. */
  public record Axis(String name, int size, IntUnaryOperator code, boolean multi) {
    public Axis {
      if (multi && size > 31) {
        throw new IllegalArgumentException("a multi-valued axis holds at most 31 codes");
      }
    }
  }

  /** The facts counted: {@code month} gives a fact's month (0 to 11), or -1 to skip it. */
  public interface Facts {
    int size();

    int month(int fact);
  }

  /** A table no suppression pattern can protect: it is withheld. */
  private static final class Unprotectable extends RuntimeException {
    Unprotectable(String message) {
      super(message, null, false, false);
    }
  }

  static final byte PUBLISHED = 0;
  static final byte PRIMARY = 1;
  static final byte SECONDARY = 2;

  /** Time levels: the whole year (or no time at all), its quarters, its months. */
  public static final int YEAR = 0;

  public static final int QUARTER = 1;
  public static final int MONTH = 2;
  private static final int MONTHS = 12;

  /**
   * The most hidden cells one audit solves for. A table that needs more is so sparse that it says
   * little and costs seconds to audit: it is withheld instead.
   */
  static final int MAX_AUDITED = 25_000;

  private final List<Axis> axes;
  private final int levels;
  private final int threshold;
  private final long[] weight;
  private final Table[] tables;
  private final int[] rank;
  private final long[][][] equations;

  /**
   * Counts and protects at once.
   *
   * @param axes coded axes in canonical order (at most one multi-valued)
   * @param withTime whether facts' months form the year, quarter and month levels
   * @param threshold the smallest count published (at least 1)
   */
  public Cube(Facts facts, List<Axis> axes, boolean withTime, int threshold) {
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
    // Decoded once, so that each of the cube's tables sums arrays (in the maps' order, which
    // fixes the order of each table's cells) rather than dividing every key again.
    Source all = new Source(counted[0]);
    Source once = counted[1] == counted[0] ? all : new Source(counted[1]);
    int multiAxis = multi;
    int masks = 1 << axes.size();
    this.tables = new Table[masks * levels];
    this.rank = new int[tables.length];
    this.equations = new long[tables.length][][];
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
                  build(tabulate(mask, level, keepsMulti ? all : once));
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
        protect(table, false);
        indexRows(table);
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
        protect(table, true);
        return;
      } catch (Unprotectable e) {
        table.withheld = true;
        equations[table.index] = new long[0][];
      }
    }
    if (full != 0 && determined(null, null, true).length > 0) {
      for (Table table : tables) {
        table.withheld = true;
      }
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

  /** Counted (key, month) pairs, decoded: each axis's code, the month and the count. */
  private final class Source {
    final int[][] codes;
    final int[] month;
    final int[] value;
    final int size;

    Source(LongIntHashMap counted) {
      size = counted.size();
      codes = new int[axes.size()][size];
      month = new int[size];
      value = new int[size];
      int e = 0;
      for (LongIntCursor c : counted) {
        long axesKey = c.key / MONTHS;
        for (int i = 0; i < axes.size(); i++) {
          codes[i][e] = (int) ((axesKey / weight[i]) % axes.get(i).size());
        }
        month[e] = (int) (c.key % MONTHS);
        value[e++] = c.value;
      }
    }
  }

  /** Tables with at most this many possible cells find a cell by array index, not by hash. */
  private static final int DENSE_CELLS = 1 << 18;

  /** Sums the counted (key, month) pairs into the cells of one table. */
  private Table tabulate(int mask, int level, Source source) {
    Table table = new Table(mask, level, level * (1 << axes.size()) + mask);
    int times = level == MONTH ? MONTHS : level == QUARTER ? 4 : 1;
    long space = times;
    IntArrayList in = new IntArrayList();
    for (int i = 0; i < axes.size(); i++) {
      if ((mask & (1 << i)) != 0) {
        in.add(i);
        space *= axes.get(i).size();
      }
    }
    int[] dense = null;
    if (space <= DENSE_CELLS) {
      dense = new int[(int) space];
      Arrays.fill(dense, -1);
    }
    for (int e = 0; e < source.size; e++) {
      int t = timeCode(source.month[e], level);
      int i;
      if (dense != null) {
        int local = 0;
        for (int k = 0; k < in.size(); k++) {
          int axis = in.get(k);
          local = local * axes.get(axis).size() + source.codes[axis][e];
        }
        local = local * times + t;
        i = dense[local];
        if (i < 0) {
          i = table.cell(key(source, e, in) * MONTHS + t);
          dense[local] = i;
        }
      } else {
        i = table.cell(key(source, e, in) * MONTHS + t);
      }
      table.counts[i] += source.value[e];
    }
    for (int i = 0; i < table.size; i++) {
      int count = table.counts[i];
      table.status[i] = count >= 1 && count < threshold ? PRIMARY : PUBLISHED;
    }
    return table;
  }

  /** The axes key of a decoded pair projected onto the axes {@code in}. */
  private long key(Source source, int e, IntArrayList in) {
    long key = 0;
    for (int k = 0; k < in.size(); k++) {
      int axis = in.get(k);
      key += source.codes[axis][e] * weight[axis];
    }
    return key;
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
  public int code(long cellKey, int axis) {
    return (int) ((cellKey / MONTHS / weight[axis]) % axes.get(axis).size());
  }

  /** The time code of a cell key: 0 for a year, the quarter (0-3) or the month (0-11). */
  public static int time(long cellKey) {
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
  public Table get(int mask, int level) {
    return table(mask, level);
  }

  /**
   * A relation of a table: its members are the cells sharing a parent; {@code axis} is the coded
   * axis summed over, or -1 for time (a year over its quarters, a quarter over its months).
   */
  private record Relation(int axis) {}

  /** Whether a table's parent is withheld: publishing the table would give that parent away. */
  private boolean anyParentWithheld(Table table) {
    for (int a = 0; a < axes.size(); a++) {
      if ((table.mask & (1 << a)) != 0 && table(table.mask & ~(1 << a), table.level).withheld) {
        return true;
      }
    }
    return table.level > YEAR && table(table.mask, table.level - 1).withheld;
  }

  /** A table's relations and, for each, its members grouped by parent key. */
  private final class Relations {
    final List<Relation> list = new ArrayList<>();
    final List<LongObjectHashMap<IntArrayList>> groups = new ArrayList<>();
    private final List<long[]> sorted = new ArrayList<>();

    /** A relation's parent keys in order (kept until a zero cell brings a new parent). */
    long[] sortedParents(int r) {
      while (sorted.size() <= r) {
        sorted.add(null);
      }
      long[] keys = sorted.get(r);
      if (keys == null || keys.length != groups.get(r).size()) {
        keys = groups.get(r).keys().toArray();
        Arrays.sort(keys);
        sorted.set(r, keys);
      }
      return keys;
    }

    Relations(Table table) {
      for (int a = 0; a < axes.size(); a++) {
        if ((table.mask & (1 << a)) != 0) {
          list.add(new Relation(a));
        }
      }
      if (table.level > YEAR) {
        list.add(new Relation(-1));
      }
      for (int r = 0; r < list.size(); r++) {
        groups.add(new LongObjectHashMap<>());
      }
      for (int i = 0; i < table.size; i++) {
        join(table, list, groups, i);
      }
      // A hidden parent whose members are all zero is a relation too: hidden alone, it is zero.
      for (int r = 0; r < list.size(); r++) {
        Table parent = parentOf(table, list.get(r));
        for (int p = 0; p < parent.size; p++) {
          if (parent.status[p] != PUBLISHED && !groups.get(r).containsKey(parent.keys[p])) {
            groups.get(r).put(parent.keys[p], new IntArrayList(2));
          }
        }
      }
    }
  }

  /**
   * Protects one table, its parents already fixed: greedy secondary suppression until no relation
   * holds exactly one hidden cell, then an audit of the whole linear system of the table and its
   * ancestors, hiding more cells of this table until no hidden count follows from it.
   */
  private void protect(Table table, boolean whole) {
    Relations relations = new Relations(table);
    if (relations.list.isEmpty()) {
      equations[table.index] = new long[0][];
      return;
    }
    if (relations.list.size() > 1 || whole) {
      // Its audit would count at least these hidden cells and refuse: refuse before the greedy
      // pass spends its time on them (the same outcome, sooner).
      int primary = 0;
      for (int i = 0; i < table.size; i++) {
        primary += table.status[i] == PRIMARY ? 1 : 0;
      }
      if (primary > MAX_AUDITED) {
        throw new Unprotectable(
            "more than " + MAX_AUDITED + " hidden counts to audit; group by fewer dimensions");
      }
    }
    greedy(table, relations);
    if (relations.list.size() == 1 && !whole) {
      // Each hidden cell sits in one relation of this table, beside another hidden member: the
      // relation can always absorb it, so it fixes nothing the (clean) ancestors did not.
      equations[table.index] = equations(table, relations);
      return;
    }
    for (long[] determined = determined(table, relations, whole);
        determined.length > 0;
        determined = determined(table, relations, whole)) {
      // A repair for each determined cell, then the rows and columns, then audit again.
      boolean repaired = false;
      for (long cell : determined) {
        int hide = repairCell(table, relations, cell);
        if (hide >= 0) {
          table.status[hide] = SECONDARY;
          repaired = true;
        }
      }
      if (!repaired) {
        throw new Unprotectable("a hidden count follows from the published ones");
      }
      greedy(table, relations);
    }
    equations[table.index] = equations(table, relations);
  }

  /** Hides the smallest cells first until no relation holds exactly one hidden member. */
  private void greedy(Table table, Relations relations) {
    boolean changed;
    do {
      changed = false;
      for (int r = 0; r < relations.list.size(); r++) {
        Table parent = parentOf(table, relations.list.get(r));
        for (long parentKey : relations.sortedParents(r)) {
          IntArrayList kids = relations.groups.get(r).get(parentKey);
          int suppressed = parent.suppressed(parentKey) ? 1 : 0;
          for (int k = 0; k < kids.size(); k++) {
            if (table.status[kids.get(k)] != PUBLISHED) {
              suppressed++;
            }
          }
          if (suppressed == 1) {
            suppressAnother(table, relations.list, relations.groups, r, parentKey);
            changed = true;
          }
        }
      }
    } while (changed);
  }

  /** An unknown of the audit: a hidden cell, as its table's index and its cell index. */
  private static long unknown(int tableIndex, int cell) {
    return ((long) tableIndex << 32) | cell;
  }

  /**
   * The table's relations as equations over hidden cells: each a parent's hidden members, and the
   * parent itself ({@code ~unknown}) if hidden. Along a multi-valued axis a fact with several codes
   * makes the members sum to more than their parent; the relation is audited as an equation all the
   * same, as if the attacker knew how many facts have several codes (most have one).
   */
  private long[][] equations(Table table, Relations relations) {
    List<long[]> out = new ArrayList<>();
    for (int r = 0; r < relations.list.size(); r++) {
      Relation relation = relations.list.get(r);
      Table parent = parentOf(table, relation);
      for (var group : relations.groups.get(r)) {
        LongArrayList terms = new LongArrayList();
        IntArrayList kids = group.value;
        for (int k = 0; k < kids.size(); k++) {
          if (table.status[kids.get(k)] != PUBLISHED) {
            terms.add(unknown(table.index, kids.get(k)));
          }
        }
        if (parent.suppressed(group.key)) {
          terms.add(~unknown(parent.index, parent.cells.get(group.key)));
        }
        if (!terms.isEmpty()) {
          out.add(terms.toArray());
        }
      }
    }
    return out.toArray(new long[0][]);
  }

  /**
   * Solves the relations of the table and all its ancestors (the tables over fewer of its axes or
   * coarser time; with {@code whole}, of every published table) for the hidden cells, in each
   * connected set of equations that holds a hidden cell of this table (with {@code whole}, in every
   * one), and returns every hidden cell whose count they fix, in canonical order.
   */
  private long[] determined(Table table, Relations relations, boolean whole) {
    // Unknowns are numbered densely: each audited table's cells from an offset of their own.
    int[] offset = new int[tables.length];
    Arrays.fill(offset, -1);
    List<long[]> all = new ArrayList<>();
    int size = 0;
    int hidden = 0;
    for (Table other : tables) {
      if (other != null
          && (whole || (other.level <= table.level && (other.mask & ~table.mask) == 0))
          && !other.withheld) {
        offset[other.index] = size;
        size += other.size;
        for (int i = 0; i < other.size; i++) {
          hidden += other.status[i] != PUBLISHED ? 1 : 0;
        }
        all.addAll(
            Arrays.asList(other == table ? equations(table, relations) : equations[other.index]));
      }
    }
    if (hidden > MAX_AUDITED) {
      throw new Unprotectable(
          "more than " + MAX_AUDITED + " hidden counts to audit; group by fewer dimensions");
    }
    int[] root = new int[size];
    for (int i = 0; i < size; i++) {
      root[i] = i;
    }
    int[][] dense = new int[all.size()][];
    for (int e = 0; e < dense.length; e++) {
      long[] equation = all.get(e);
      int[] terms = new int[equation.length];
      for (int k = 0; k < terms.length; k++) {
        long id = equation[k] < 0 ? ~equation[k] : equation[k];
        int u = offset[(int) (id >>> 32)] + (int) id;
        terms[k] = equation[k] < 0 ? ~u : u;
        int a = find(root, u);
        int b = find(root, terms[0] < 0 ? ~terms[0] : terms[0]);
        root[a] = b;
      }
      dense[e] = terms;
    }
    boolean[] audited = new boolean[size];
    for (int i = 0; i < size; i++) {
      if (whole || (offset[table.index] <= i && i < offset[table.index] + table.size)) {
        audited[find(root, i)] = true;
      }
    }
    IntObjectHashMap<List<int[]>> components = new IntObjectHashMap<>();
    for (int[] equation : dense) {
      int c = find(root, equation[0] < 0 ? ~equation[0] : equation[0]);
      if (audited[c]) {
        List<int[]> rows = components.get(c);
        if (rows == null) {
          rows = new ArrayList<>();
          components.put(c, rows);
        }
        rows.add(equation);
      }
    }
    int[] local = new int[size];
    Arrays.fill(local, -1);
    LongArrayList out = new LongArrayList();
    for (var component : components) {
      IntArrayList members = new IntArrayList();
      int[][] rows = new int[component.value.size()][];
      for (int r = 0; r < rows.length; r++) {
        int[] equation = component.value.get(r);
        rows[r] = new int[equation.length];
        for (int k = 0; k < equation.length; k++) {
          int g = equation[k] < 0 ? ~equation[k] : equation[k];
          if (local[g] < 0) {
            local[g] = members.size();
            members.add(g);
          }
          rows[r][k] = equation[k] < 0 ? ~local[g] : local[g];
        }
      }
      boolean[] determined = Determined.of(members.size(), rows);
      for (int u = 0; u < determined.length; u++) {
        if (determined[u]) {
          out.add(unknownAt(offset, members.get(u)));
        }
      }
    }
    return Arrays.stream(out.toArray())
        .boxed()
        .sorted(this::canonical)
        .mapToLong(Long::longValue)
        .toArray();
  }

  /** The unknown (table index, cell) at a dense number. */
  private long unknownAt(int[] offset, int dense) {
    for (int t = 0; t < offset.length; t++) {
      if (offset[t] >= 0 && offset[t] <= dense && dense < offset[t] + tables[t].size) {
        return unknown(t, dense - offset[t]);
      }
    }
    throw new IllegalStateException("no table holds unknown " + dense);
  }

  private static int find(int[] root, int i) {
    while (root[i] != i) {
      root[i] = root[root[i]];
      i = root[i];
    }
    return i;
  }

  /** Orders unknowns by their table's place in the canonical order, then by cell key. */
  private int canonical(long a, long b) {
    Table ta = tables[(int) (a >>> 32)];
    Table tb = tables[(int) (b >>> 32)];
    int byTable = Integer.compare(rank[ta.index], rank[tb.index]);
    return byTable != 0 ? byTable : Long.compare(ta.keys[(int) a], tb.keys[(int) b]);
  }

  /**
   * The cell of this table to hide next because the given hidden cell is determined: if that cell
   * is in this table, the smallest other member of one of its relations; if it is a parent of this
   * table, the smallest of its members, else one of its zero members that is not known to be zero;
   * if it is a further ancestor, the smallest of its descendants here; else the smallest cell
   * beside any hidden one.
   */
  private int repairCell(Table table, Relations relations, long determined) {
    int owner = (int) (determined >>> 32);
    int cell = (int) determined;
    int best = -1;
    if (owner == table.index) {
      for (boolean pinnedToo : new boolean[] {false, true}) {
        for (int r = 0; r < relations.list.size() && best < 0; r++) {
          long parentKey = parentKey(table, relations.list.get(r), table.keys[cell]);
          IntArrayList kids = relations.groups.get(r).get(parentKey);
          best =
              smaller(
                  table, best, pick(table, relations.list, relations.groups, r, kids, pinnedToo));
        }
        for (int r = 0; r < relations.list.size() && best < 0; r++) {
          long parentKey = parentKey(table, relations.list.get(r), table.keys[cell]);
          best = zeroCell(table, relations.list, relations.groups, r, parentKey);
        }
        if (best >= 0) {
          return best;
        }
      }
      return -1;
    }
    Table ancestor = tables[owner];
    long key = ancestor.keys[cell];
    for (int r = 0; r < relations.list.size(); r++) {
      if (parentOf(table, relations.list.get(r)) == ancestor) {
        IntArrayList kids = relations.groups.get(r).get(key);
        best = kids == null ? -1 : pick(table, relations.list, relations.groups, r, kids, false);
        if (best < 0) {
          best = zeroCell(table, relations.list, relations.groups, r, key);
        }
        if (best >= 0) {
          return best;
        }
      }
    }
    boolean isAncestor = ancestor.level <= table.level && (ancestor.mask & ~table.mask) == 0;
    for (int i = 0; i < table.size && isAncestor; i++) {
      if (table.status[i] == PUBLISHED
          && table.counts[i] > 0
          && projectKey(table, table.keys[i], ancestor) == key) {
        best = smaller(table, best, i);
      }
    }
    if (best >= 0) {
      return best;
    }
    for (int r = 0; r < relations.list.size(); r++) {
      for (var group : relations.groups.get(r)) {
        IntArrayList kids = group.value;
        boolean hidden = false;
        for (int k = 0; k < kids.size() && !hidden; k++) {
          hidden = table.status[kids.get(k)] != PUBLISHED;
        }
        for (int k = 0; k < kids.size() && hidden; k++) {
          int i = kids.get(k);
          if (table.status[i] == PUBLISHED && table.counts[i] > 0) {
            best = smaller(table, best, i);
          }
        }
      }
    }
    return best;
  }

  /** The smaller of two cells by count, then key; -1 stands for none. */
  private static int smaller(Table table, int a, int b) {
    if (a < 0 || b < 0) {
      return Math.max(a, b);
    }
    int byCount = Integer.compare(table.counts[a], table.counts[b]);
    return byCount < 0 || (byCount == 0 && table.keys[a] < table.keys[b]) ? a : b;
  }

  /** A cell key of a table projected onto one of its ancestors. */
  private long projectKey(Table table, long key, Table ancestor) {
    int time = time(key);
    int ancestorTime = ancestor.level == table.level ? time : ancestor.level == YEAR ? 0 : time / 3;
    return project(key / MONTHS, ancestor.mask) * MONTHS + ancestorTime;
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
      // A parent key has code 0 on the relation's axis: members step along it from there.
      long step = weight[relation.axis()] * MONTHS;
      long[] out = new long[axes.get(relation.axis()).size()];
      for (int code = 0; code < out.length; code++) {
        out[code] = parentKey + code * step;
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
      boolean smaller =
          best < 0
              || table.counts[i] < table.counts[best]
              || (table.counts[i] == table.counts[best] && table.keys[i] < table.keys[best]);
      // The costly checks only for a cell that would be picked over the best so far.
      if (smaller
          && (pinnedToo
              || !(pinned(table, relations, r, i) || strands(table, relations, groups, r, i)))) {
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
      if (alone && !hasZeroCandidate(table, relations, groups, c, parentKey)) {
        return true;
      }
    }
    return false;
  }

  private boolean hasZeroCandidate(
      Table table,
      List<Relation> relations,
      List<LongObjectHashMap<IntArrayList>> groups,
      int r,
      long parentKey) {
    return firstZero(table, relations, groups, r, parentKey) >= 0;
  }

  /**
   * The key of the first member (by code) of a group that is not a cell yet and could be a hidden
   * zero, or -1. A member could be a hidden zero unless one of its parents along the other
   * relations is a published zero; along an axis, the parents' row indexes give the codes that
   * qualify without looking up each absent member.
   */
  private long firstZero(
      Table table,
      List<Relation> relations,
      List<LongObjectHashMap<IntArrayList>> groups,
      int r,
      long parentKey) {
    Relation relation = relations.get(r);
    long[] members = possibleMembers(table, relation, parentKey);
    boolean[] present = present(table, relation, groups.get(r).get(parentKey));
    if (present == null) {
      for (long key : members) {
        if (!table.cells.containsKey(key) && possibleZero(table, relations, r, key)) {
          return key;
        }
      }
      return -1;
    }
    int axis = relation.axis();
    int[] candidates = null;
    for (int c = 0; c < relations.size(); c++) {
      if (c == r) {
        continue;
      }
      Table parent = parentOf(table, relations.get(c));
      int[] codes = parent.rows[axis].get(parentKey(table, relations.get(c), parentKey));
      if (codes == null) {
        return -1;
      }
      candidates = candidates == null ? codes : intersect(candidates, codes);
    }
    if (candidates == null) {
      for (int m = 0; m < members.length; m++) {
        if (!present[m]) {
          return members[m];
        }
      }
      return -1;
    }
    for (int m : candidates) {
      if (!present[m]) {
        return members[m];
      }
    }
    return -1;
  }

  private static int[] intersect(int[] a, int[] b) {
    int[] out = new int[Math.min(a.length, b.length)];
    int n = 0;
    for (int i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        out[n++] = a[i];
        i++;
        j++;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Indexes a final table by rows: for each of its axes, the cells that are not published zeros
   * (those a child's zero cell may be hidden under), by their key with that axis set to 0, as
   * sorted codes on the axis.
   */
  private void indexRows(Table table) {
    @SuppressWarnings("unchecked")
    LongObjectHashMap<int[]>[] rows = new LongObjectHashMap[axes.size()];
    for (int a = 0; a < axes.size(); a++) {
      if ((table.mask & (1 << a)) == 0) {
        continue;
      }
      LongObjectHashMap<IntArrayList> byRow = new LongObjectHashMap<>();
      for (int i = 0; i < table.size; i++) {
        if (table.counts[i] > 0 || table.status[i] != PUBLISHED) {
          long row = withCode(table.keys[i], a, 0);
          IntArrayList codes = byRow.get(row);
          if (codes == null) {
            codes = new IntArrayList(4);
            byRow.put(row, codes);
          }
          codes.add(code(table.keys[i], a));
        }
      }
      LongObjectHashMap<int[]> sorted = new LongObjectHashMap<>(byRow.size());
      for (var row : byRow) {
        int[] codes = row.value.toArray();
        Arrays.sort(codes);
        sorted.put(row.key, codes);
      }
      rows[a] = sorted;
    }
    table.rows = rows;
  }

  /**
   * For a relation along an axis, which of its possible members (by code) the group's cells already
   * hold: every cell of the table is in its groups, so no lookup of absent cells is needed. Null
   * along time, whose groups have at most four members.
   */
  private boolean[] present(Table table, Relation relation, IntArrayList kids) {
    if (relation.axis() < 0 || kids == null) {
      return null;
    }
    boolean[] present = new boolean[axes.get(relation.axis()).size()];
    for (int k = 0; k < kids.size(); k++) {
      present[code(table.keys[kids.get(k)], relation.axis())] = true;
    }
    return present;
  }

  private boolean possibleZero(Table table, List<Relation> relations, int r, long key) {
    for (int c = 0; c < relations.size(); c++) {
      if (c != r) {
        Relation other = relations.get(c);
        Table parent = parentOf(table, other);
        long otherParent = parentKey(table, other, key);
        if (parent.publishedZero(otherParent)) {
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
    long key = firstZero(table, relations, groups, r, parentKey);
    if (key < 0) {
      return -1;
    }
    int cell = table.cell(key);
    join(table, relations, groups, cell);
    return cell;
  }

  public int axisCount() {
    return axes.size();
  }

  public int levels() {
    return levels;
  }

  /** One table's cells: key, count, status. Zero cells appear only when suppressed. */
  public static final class Table {
    final int mask;
    final int level;

    /** The table's place in the cube: level * 2^axes + mask. */
    final int index;

    /**
     * Whether the table is withheld whole: no pattern of its cells protects it (or an ancestor is
     * withheld), so none of its cells, zero or not, may be published.
     */
    boolean withheld;

    // Half full at most: most lookups here are of absent cells (zeros), and an absent key costs
    // a probe run that grows fast with the load (HPPC probes linearly).
    final LongIntHashMap cells = new LongIntHashMap(16, 0.5);

    /**
     * Once final, per axis: the codes of its cells that are not published zeros, by row (the key
     * with that axis at 0); see indexRows.
     */
    LongObjectHashMap<int[]>[] rows;

    long[] keys = new long[16];
    int[] counts = new int[16];
    byte[] status = new byte[16];
    int size;

    Table(int mask, int level, int index) {
      this.mask = mask;
      this.level = level;
      this.index = index;
    }

    int cell(long key) {
      int slot = cells.indexOf(key);
      if (cells.indexExists(slot)) {
        return cells.indexGet(slot);
      }
      if (size == keys.length) {
        int grown = size * 2;
        keys = Arrays.copyOf(keys, grown);
        counts = Arrays.copyOf(counts, grown);
        status = Arrays.copyOf(status, grown);
      }
      keys[size] = key;
      cells.indexInsert(slot, key, size);
      return size++;
    }

    int count(long key) {
      int slot = cells.indexOf(key);
      return cells.indexExists(slot) ? counts[cells.indexGet(slot)] : 0;
    }

    /** Whether the cell is a published zero (absent cells are). */
    boolean publishedZero(long key) {
      int slot = cells.indexOf(key);
      if (!cells.indexExists(slot)) {
        return true;
      }
      int i = cells.indexGet(slot);
      return counts[i] == 0 && status[i] == PUBLISHED;
    }

    boolean suppressed(long key) {
      int slot = cells.indexOf(key);
      return cells.indexExists(slot) && status[cells.indexGet(slot)] != PUBLISHED;
    }

    byte status(long key) {
      int slot = cells.indexOf(key);
      return cells.indexExists(slot) ? status[cells.indexGet(slot)] : PUBLISHED;
    }

    /** Whether the table is withheld whole. */
    public boolean isWithheld() {
      return withheld;
    }

    /** The number of cells, numbered from 0 in the order they were first counted. */
    public int size() {
      return size;
    }

    /** The key of a cell (see {@link Cube#code} and {@link Cube#time}). */
    public long keyAt(int cell) {
      return keys[cell];
    }

    /** The count of a cell. */
    public int countAt(int cell) {
      return counts[cell];
    }

    /** Whether a cell is suppressed (primary or secondary). */
    public boolean hiddenAt(int cell) {
      return status[cell] != PUBLISHED;
    }
  }
}
