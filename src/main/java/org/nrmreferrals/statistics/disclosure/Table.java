package org.nrmreferrals.statistics.disclosure;

import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.LongObjectHashMap;
import java.util.Arrays;

/**
 * One table of a cube (its cells over a subset of the axes, at one time level): key, count, status.
 * Zero cells appear only when suppressed.
 */
public final class Table {
  /** A cell's status: published, or hidden by primary or by secondary suppression. */
  static final byte PUBLISHED = 0;

  static final byte PRIMARY = 1;
  static final byte SECONDARY = 2;

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
   * Once final, per axis: the codes of its cells that are not published zeros, by row (the key with
   * that axis at 0); see {@link ZeroCells#indexRows}.
   */
  LongObjectHashMap<int[]>[] rows;

  long[] keys = new long[16];
  int[] counts = new int[16];

  /** Each cell's key: the sum of its facts' record keys, mod 2^32 (the cell-key method). */
  int[] keySums = new int[16];

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
      keySums = Arrays.copyOf(keySums, grown);
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

  /** The key of a cell for the cell-key method: the sum of its facts' record keys. */
  public int cellKeyAt(int cell) {
    return keySums[cell];
  }

  /** Whether a cell is suppressed (primary or secondary). */
  public boolean hiddenAt(int cell) {
    return status[cell] != PUBLISHED;
  }
}
