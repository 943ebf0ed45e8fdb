package org.nrmreferrals.statistics.disclosure;

import static org.nrmreferrals.statistics.disclosure.Table.PUBLISHED;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntObjectHashMap;
import com.carrotsearch.hppc.LongArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The linear audit: a table's relations and those of every table under it, as equations over the
 * hidden cells, solved together ({@link Determined}) for the hidden counts they fix.
 */
final class LinearAudit {
  /**
   * The most hidden cells one audit solves for. A table that needs more is so sparse that it says
   * little and costs seconds to audit: it is withheld instead.
   */
  static final int MAX_AUDITED = 25_000;

  private final Cube cube;
  private final Table[] tables;
  private final int[] rank;
  private final long[][][] equations;

  LinearAudit(Cube cube) {
    this.cube = cube;
    this.tables = cube.tables;
    this.rank = cube.rank;
    this.equations = cube.equations;
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
  long[][] equations(Table table, Relations relations) {
    List<long[]> out = new ArrayList<>();
    for (int r = 0; r < relations.list.size(); r++) {
      Relation relation = relations.list.get(r);
      Table parent = cube.parentOf(table, relation);
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
  long[] determined(Table table, Relations relations, boolean whole, Work work) {
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
      boolean[] determined = Determined.of(members.size(), rows, work);
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
}
