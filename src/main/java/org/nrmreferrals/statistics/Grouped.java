package org.nrmreferrals.statistics;

import java.util.Arrays;

/**
 * Values grouped by key: (key, value) pairs sorted by key, each key's values then contiguous (a
 * counting sort when there are at most 2^20 keys, which any three dimensions give).
 */
final class Grouped {
  private final long[] keys;
  final int[] values;
  private int size;
  private int[] start;
  private long[] sortedKeys;

  Grouped(int capacity) {
    keys = new long[capacity];
    values = new int[capacity];
  }

  private void add(long key, int value) {
    if (size == keys.length) {
      throw new IllegalStateException("more values than planned");
    }
    keys[size] = key;
    values[size++] = value;
  }

  /** Sorts the pairs by key; {@code keyCount} bounds the keys. */
  private void seal(long keyCount) {
    if (keyCount <= 1 << 20) {
      int[] count = new int[(int) keyCount + 1];
      for (int i = 0; i < size; i++) {
        count[(int) keys[i] + 1]++;
      }
      for (int k = 0; k < keyCount; k++) {
        count[k + 1] += count[k];
      }
      start = count.clone();
      int[] sorted = new int[size];
      for (int i = 0; i < size; i++) {
        sorted[count[(int) keys[i]]++] = values[i];
      }
      System.arraycopy(sorted, 0, values, 0, size);
    } else {
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
      sortedKeys = new long[size];
      int[] sorted = new int[size];
      for (int i = 0; i < size; i++) {
        sortedKeys[i] = keys[order[i]];
        sorted[i] = values[order[i]];
      }
      System.arraycopy(sorted, 0, values, 0, size);
    }
  }

  /** The values of a key, as [from, to) into {@link #values}; from == to when none. */
  int from(long key) {
    if (start != null) {
      return key >= 0 && key + 1 < start.length ? start[(int) key] : 0;
    }
    int i = Arrays.binarySearch(sortedKeys, key);
    if (i < 0) {
      return 0;
    }
    while (i > 0 && sortedKeys[i - 1] == key) {
      i--;
    }
    return i;
  }

  int to(long key) {
    if (start != null) {
      return key >= 0 && key + 1 < start.length ? start[(int) key + 1] : 0;
    }
    int i = Arrays.binarySearch(sortedKeys, key);
    if (i < 0) {
      return 0;
    }
    while (i + 1 < size && sortedKeys[i + 1] == key) {
      i++;
    }
    return i + 1;
  }

  /** Each value under every key its case counts under (one per code of a multi dimension). */
  static Grouped group(long keys, int[][] codes, boolean[] multi, long[] weights, int[] values) {
    // A case counts under one key per code of each multi-valued dimension.
    int capacity = 0;
    for (int c = 0; c < values.length; c++) {
      int under = 1;
      for (int i = 0; i < codes.length; i++) {
        if (multi[i]) {
          under *= Integer.bitCount(codes[i][c]);
        }
      }
      capacity += under;
    }
    Grouped grouped = new Grouped(capacity);
    boolean anyMulti = false;
    for (boolean m : multi) {
      anyMulti |= m;
    }
    for (int c = 0; c < values.length; c++) {
      if (!anyMulti) {
        long key = 0;
        for (int i = 0; i < codes.length; i++) {
          key += codes[i][c] * weights[i];
        }
        grouped.add(key, values[c]);
      } else {
        addUnderEveryKey(grouped, codes, multi, weights, c, 0, 0, values[c]);
      }
    }
    grouped.seal(keys);
    return grouped;
  }

  private static void addUnderEveryKey(
      Grouped grouped,
      int[][] codes,
      boolean[] multi,
      long[] weights,
      int c,
      int from,
      long key,
      int value) {
    if (from == codes.length) {
      grouped.add(key, value);
      return;
    }
    int code = codes[from][c];
    if (multi[from]) {
      for (int set = code; set != 0; set &= set - 1) {
        addUnderEveryKey(
            grouped,
            codes,
            multi,
            weights,
            c,
            from + 1,
            key + Integer.numberOfTrailingZeros(set) * weights[from],
            value);
      }
    } else {
      addUnderEveryKey(
          grouped, codes, multi, weights, c, from + 1, key + code * weights[from], value);
    }
  }
}
