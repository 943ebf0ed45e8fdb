package org.nrmreferrals.statistics.disclosure;

import static org.nrmreferrals.statistics.disclosure.Table.PUBLISHED;
import static org.nrmreferrals.statistics.disclosure.Table.SECONDARY;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongObjectHashMap;
import java.util.List;

/**
 * Greedy secondary suppression of one table: while a relation holds exactly one hidden member
 * (counting its parent), another member is hidden, the smallest first.
 */
final class GreedySuppression {
  private final Cube cube;
  private final CellKeys keys;
  private final List<Axis> axes;
  private final ZeroCells zeros;

  GreedySuppression(Cube cube, ZeroCells zeros) {
    this.cube = cube;
    this.keys = cube.keys;
    this.axes = cube.keys.axes;
    this.zeros = zeros;
  }

  /** Hides the smallest cells first until no relation holds exactly one hidden member. */
  void suppress(Table table, Relations relations) {
    boolean changed;
    do {
      changed = false;
      for (int r = 0; r < relations.list.size(); r++) {
        Table parent = cube.parentOf(table, relations.list.get(r));
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
      best = zeros.zeroCell(table, relations, groups, r, parentKey);
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

  /**
   * The smallest published non-zero member of a group free to hide (neither pinned nor left alone
   * in another relation; with {@code pinnedToo}, any of them), or -1.
   */
  int pick(
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
      long parentKey = keys.parentKey(table, other, table.keys[cell]);
      if (cube.parentOf(table, other).suppressed(parentKey)) {
        continue;
      }
      IntArrayList members = groups.get(c).get(parentKey);
      boolean alone = true;
      for (int k = 0; k < members.size() && alone; k++) {
        int m = members.get(k);
        alone = m == cell || (table.status[m] == PUBLISHED && table.counts[m] == 0);
      }
      if (alone && !zeros.hasZeroCandidate(table, relations, groups, c, parentKey)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A cell on a one-valued axis equals its parent along that axis, so it can only be hidden
   * together with that parent.
   */
  private boolean pinned(Table table, List<Relation> relations, int r, int cell) {
    for (int c = 0; c < relations.size(); c++) {
      Relation other = relations.get(c);
      if (c != r && other.axis() >= 0 && axes.get(other.axis()).size() == 1) {
        if (!cube.parentOf(table, other)
            .suppressed(keys.parentKey(table, other, table.keys[cell]))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The smaller of two cells by count, then key; -1 stands for none. */
  static int smaller(Table table, int a, int b) {
    if (a < 0 || b < 0) {
      return Math.max(a, b);
    }
    int byCount = Integer.compare(table.counts[a], table.counts[b]);
    return byCount < 0 || (byCount == 0 && table.keys[a] < table.keys[b]) ? a : b;
  }
}
