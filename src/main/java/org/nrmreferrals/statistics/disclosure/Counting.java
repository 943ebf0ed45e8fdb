package org.nrmreferrals.statistics.disclosure;

import static org.nrmreferrals.statistics.disclosure.CellKeys.MONTHS;
import static org.nrmreferrals.statistics.disclosure.Cube.MONTH;
import static org.nrmreferrals.statistics.disclosure.Cube.QUARTER;
import static org.nrmreferrals.statistics.disclosure.Table.PRIMARY;
import static org.nrmreferrals.statistics.disclosure.Table.PUBLISHED;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.cursors.LongIntCursor;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Counting: one pass over the facts into (axes key, month) counts, then each table's cells summed
 * from them, with primary suppression marked.
 */
final class Counting {
  private final List<Axis> axes;
  private final long[] weight;
  private final int threshold;

  Counting(CellKeys keys, int threshold) {
    this.axes = keys.axes;
    this.weight = keys.weight;
    this.threshold = threshold;
  }

  /**
   * One pass over the facts: (axes key, month) to count. With a multi-valued axis a fact counts
   * once per code in the first map, and once (that axis read as 0) in the second, for the tables
   * that leave the axis out and so count facts, not mentions.
   */
  Counted[] count(Facts facts, int multi) {
    LongIntHashMap all = new LongIntHashMap();
    LongIntHashMap once = multi < 0 ? all : new LongIntHashMap();
    LongIntHashMap allKeys = new LongIntHashMap();
    LongIntHashMap onceKeys = multi < 0 ? allKeys : new LongIntHashMap();
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
      // A cell's key is the sum of its facts' keys, wrapping at 2^32 (addTo adds ints).
      int recordKey = facts.key(f);
      if (multi < 0) {
        all.addTo(key * MONTHS + m, 1);
        allKeys.addTo(key * MONTHS + m, recordKey);
        continue;
      }
      once.addTo(key * MONTHS + m, 1);
      onceKeys.addTo(key * MONTHS + m, recordKey);
      for (int s = set; s != 0; s &= s - 1) {
        long cell = (key + Integer.numberOfTrailingZeros(s) * weight[multi]) * MONTHS + m;
        all.addTo(cell, 1);
        allKeys.addTo(cell, recordKey);
      }
    }
    Counted counted = new Counted(all, allKeys);
    return new Counted[] {counted, multi < 0 ? counted : new Counted(once, onceKeys)};
  }

  /** Counts by (axes key, month), and the sums of their facts' keys. */
  record Counted(LongIntHashMap counts, LongIntHashMap keys) {}

  /** Counted (key, month) pairs, decoded: each axis's code, the month and the count. */
  final class Source {
    final int[][] codes;
    final int[] month;
    final int[] value;
    final int[] keySum;
    final int size;

    Source(Counted counted) {
      size = counted.counts().size();
      codes = new int[axes.size()][size];
      month = new int[size];
      value = new int[size];
      keySum = new int[size];
      int e = 0;
      for (LongIntCursor c : counted.counts()) {
        keySum[e] = counted.keys().get(c.key);
        long axesKey = c.key / MONTHS;
        for (int i = 0; i < axes.size(); i++) {
          codes[i][e] = (int) ((axesKey / weight[i]) % axes.get(i).size());
        }
        month[e] = (int) (c.key % MONTHS);
        value[e++] = c.value;
      }
    }
  }

  /** The counted pairs of one map, decoded. */
  Source source(Counted counted) {
    return new Source(counted);
  }

  /** Tables with at most this many possible cells find a cell by array index, not by hash. */
  private static final int DENSE_CELLS = 1 << 18;

  /** Sums the counted (key, month) pairs into the cells of one table. */
  Table tabulate(int mask, int level, Source source) {
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
      table.keySums[i] += source.keySum[e];
    }
    primarySuppression(table);
    return table;
  }

  /** Primary suppression: a cell counting from 1 to threshold - 1 is hidden. */
  private void primarySuppression(Table table) {
    for (int i = 0; i < table.size; i++) {
      int count = table.counts[i];
      table.status[i] = count >= 1 && count < threshold ? PRIMARY : PUBLISHED;
    }
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
}
