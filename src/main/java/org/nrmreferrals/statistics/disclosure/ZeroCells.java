package org.nrmreferrals.statistics.disclosure;

import static org.nrmreferrals.statistics.disclosure.Table.PUBLISHED;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongObjectHashMap;
import java.util.Arrays;
import java.util.List;

/**
 * Zero cells to hide when no other member of a relation is left: a member not counted yet, unless
 * one of its parents is a published zero (a cell under a zero parent is known to be zero and would
 * protect nothing). Final tables are indexed by rows so that qualifying members are found without
 * looking up each absent one.
 */
final class ZeroCells {
  private final Cube cube;
  private final CellKeys keys;
  private final List<Axis> axes;

  ZeroCells(Cube cube) {
    this.cube = cube;
    this.keys = cube.keys;
    this.axes = cube.keys.axes;
  }

  /** A zero member of a group made a cell of the table and put in its groups, or -1 if none. */
  int zeroCell(
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
    Relations.join(keys, table, relations, groups, cell);
    return cell;
  }

  /** Whether a group has a member that could be a hidden zero (see {@link #firstZero}). */
  boolean hasZeroCandidate(
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
    long[] members = keys.possibleMembers(table, relation, parentKey);
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
      Table parent = cube.parentOf(table, relations.get(c));
      int[] codes = parent.rows[axis].get(keys.parentKey(table, relations.get(c), parentKey));
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
  void indexRows(Table table) {
    @SuppressWarnings("unchecked")
    LongObjectHashMap<int[]>[] rows = new LongObjectHashMap[axes.size()];
    for (int a = 0; a < axes.size(); a++) {
      if ((table.mask & (1 << a)) == 0) {
        continue;
      }
      LongObjectHashMap<IntArrayList> byRow = new LongObjectHashMap<>();
      for (int i = 0; i < table.size; i++) {
        if (table.counts[i] > 0 || table.status[i] != PUBLISHED) {
          long row = keys.withCode(table.keys[i], a, 0);
          IntArrayList codes = byRow.get(row);
          if (codes == null) {
            codes = new IntArrayList(4);
            byRow.put(row, codes);
          }
          codes.add(keys.code(table.keys[i], a));
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
      present[keys.code(table.keys[kids.get(k)], relation.axis())] = true;
    }
    return present;
  }

  private boolean possibleZero(Table table, List<Relation> relations, int r, long key) {
    for (int c = 0; c < relations.size(); c++) {
      if (c != r) {
        Relation other = relations.get(c);
        Table parent = cube.parentOf(table, other);
        long otherParent = keys.parentKey(table, other, key);
        if (parent.publishedZero(otherParent)) {
          return false;
        }
      }
    }
    return true;
  }
}
