package org.nrmreferrals.statistics.disclosure;

import static org.nrmreferrals.statistics.disclosure.GreedySuppression.smaller;
import static org.nrmreferrals.statistics.disclosure.LinearAudit.MAX_AUDITED;
import static org.nrmreferrals.statistics.disclosure.Table.PRIMARY;
import static org.nrmreferrals.statistics.disclosure.Table.PUBLISHED;
import static org.nrmreferrals.statistics.disclosure.Table.SECONDARY;

import com.carrotsearch.hppc.IntArrayList;

/**
 * Secondary suppression of one table, its parents already fixed: the greedy pass, then the linear
 * audit, each hidden count it fixes repaired by hiding one more cell of this table, until none is
 * fixed; a table that cannot be protected is refused ({@link Unprotectable}).
 */
final class SecondarySuppression {
  private final Cube cube;
  private final CellKeys keys;
  private final Table[] tables;
  private final long[][][] equations;
  private final GreedySuppression greedy;
  private final ZeroCells zeros;
  private final LinearAudit audit;

  SecondarySuppression(Cube cube, GreedySuppression greedy, ZeroCells zeros, LinearAudit audit) {
    this.cube = cube;
    this.keys = cube.keys;
    this.tables = cube.tables;
    this.equations = cube.equations;
    this.greedy = greedy;
    this.zeros = zeros;
    this.audit = audit;
  }

  /**
   * Protects one table, its parents already fixed: greedy secondary suppression until no relation
   * holds exactly one hidden cell, then an audit of the whole linear system of the table and its
   * ancestors, hiding more cells of this table until no hidden count follows from it.
   */
  void protect(Table table) {
    Relations relations = new Relations(cube, table);
    if (relations.list.isEmpty()) {
      equations[table.index] = new long[0][];
      return;
    }
    if (relations.list.size() > 1) {
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
    greedy.suppress(table, relations);
    // One budget for every round of audit and repair of this table.
    Work work = new Work(Work.TABLE_BUDGET);
    if (relations.list.size() == 1) {
      // Each hidden cell sits in one relation of this table, beside another hidden member: the
      // relation can always absorb it, so it fixes nothing the (clean) ancestors did not.
      equations[table.index] = audit.equations(table, relations);
      return;
    }
    for (long[] determined = audit.determined(table, relations, false, work);
        determined.length > 0;
        determined = audit.determined(table, relations, false, work)) {
      // A repair for each determined cell, then the rows and columns, then audit again.
      cube.checkDeadline();
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
      greedy.suppress(table, relations);
    }
    equations[table.index] = audit.equations(table, relations);
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
          long parentKey = keys.parentKey(table, relations.list.get(r), table.keys[cell]);
          IntArrayList kids = relations.groups.get(r).get(parentKey);
          best =
              smaller(
                  table,
                  best,
                  greedy.pick(table, relations.list, relations.groups, r, kids, pinnedToo));
        }
        for (int r = 0; r < relations.list.size() && best < 0; r++) {
          long parentKey = keys.parentKey(table, relations.list.get(r), table.keys[cell]);
          best = zeros.zeroCell(table, relations.list, relations.groups, r, parentKey);
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
      if (cube.parentOf(table, relations.list.get(r)) == ancestor) {
        IntArrayList kids = relations.groups.get(r).get(key);
        best =
            kids == null
                ? -1
                : greedy.pick(table, relations.list, relations.groups, r, kids, false);
        if (best < 0) {
          best = zeros.zeroCell(table, relations.list, relations.groups, r, key);
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
          && keys.projectKey(table, table.keys[i], ancestor) == key) {
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
}
