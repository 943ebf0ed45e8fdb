package org.nrmreferrals.statistics.disclosure;

import static org.nrmreferrals.statistics.disclosure.Cube.YEAR;
import static org.nrmreferrals.statistics.disclosure.Table.PUBLISHED;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongObjectHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A table's relations and, for each, its members grouped by parent key. */
final class Relations {
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

  Relations(Cube cube, Table table) {
    for (int a = 0; a < cube.axisCount(); a++) {
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
      join(cube.keys, table, list, groups, i);
    }
    // A hidden parent whose members are all zero is a relation too: hidden alone, it is zero.
    for (int r = 0; r < list.size(); r++) {
      Table parent = cube.parentOf(table, list.get(r));
      for (int p = 0; p < parent.size; p++) {
        if (parent.status[p] != PUBLISHED && !groups.get(r).containsKey(parent.keys[p])) {
          groups.get(r).put(parent.keys[p], new IntArrayList(2));
        }
      }
    }
  }

  /** Puts a cell in its group (by parent key) of every relation. */
  static void join(
      CellKeys keys,
      Table table,
      List<Relation> relations,
      List<LongObjectHashMap<IntArrayList>> groups,
      int i) {
    for (int r = 0; r < relations.size(); r++) {
      long parentKey = keys.parentKey(table, relations.get(r), table.keys[i]);
      IntArrayList kids = groups.get(r).get(parentKey);
      if (kids == null) {
        kids = new IntArrayList(4);
        groups.get(r).put(parentKey, kids);
      }
      kids.add(i);
    }
  }
}
