package org.nrmreferrals.statistics.disclosure;

import static org.nrmreferrals.statistics.disclosure.Cube.MONTH;
import static org.nrmreferrals.statistics.disclosure.Cube.QUARTER;
import static org.nrmreferrals.statistics.disclosure.Cube.YEAR;

import java.util.List;

/**
 * A cube's cell keys: the axes' codes, each weighted by the product of the sizes of the axes after
 * it, times 12 plus a time code (0 for a year, the quarter or the month). A table's cells keep 0 on
 * the axes it leaves out, so a key names its cell in every table and a parent's key is a cell's key
 * with one code set to 0 (or a coarser time).
 */
final class CellKeys {
  static final int MONTHS = 12;

  final List<Axis> axes;
  final long[] weight;

  CellKeys(List<Axis> axes) {
    this.axes = List.copyOf(axes);
    this.weight = new long[axes.size()];
    long w = 1;
    for (int i = axes.size() - 1; i >= 0; i--) {
      weight[i] = w;
      w = Math.multiplyExact(w, axes.get(i).size());
    }
    Math.multiplyExact(w, (long) MONTHS * MONTHS);
  }

  /** An axes key (a cell key without its time) with the codes of axes outside the mask set to 0. */
  long project(long axesKey, int mask) {
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

  /** A cell key with the code of one axis replaced. */
  long withCode(long cellKey, int axis, long code) {
    return cellKey + (code - code(cellKey, axis)) * weight[axis] * MONTHS;
  }

  /** A cell key of a table projected onto one of its ancestors. */
  long projectKey(Table table, long key, Table ancestor) {
    int time = time(key);
    int ancestorTime = ancestor.level == table.level ? time : ancestor.level == YEAR ? 0 : time / 3;
    return project(key / MONTHS, ancestor.mask) * MONTHS + ancestorTime;
  }

  /** The key of a cell's parent in a relation. */
  long parentKey(Table table, Relation relation, long key) {
    if (relation.axis() >= 0) {
      return withCode(key, relation.axis(), 0);
    }
    long base = key - time(key);
    return table.level == MONTH ? base + time(key) / 3 : base;
  }

  /** The keys of every possible member of a relation under a parent. */
  long[] possibleMembers(Table table, Relation relation, long parentKey) {
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
}
