package org.nrmreferrals.statistics.disclosure;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongArrayList;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Which unknowns a system of linear equations fixes exactly: the attack on suppressed cells that
 * combines every published relation of a cube (published counts move to the right-hand side, the
 * hidden counts are the unknowns).
 *
 * <p>An unknown is determined exactly when every solution of the homogeneous system gives it zero.
 * The system is sparse (each relation holds a handful of hidden cells, each cell sits in a handful
 * of relations), so it is solved sparsely, rows kept as sorted arrays:
 *
 * <ol>
 *   <li><b>Peeling.</b> An equation with one unknown fixes it (it becomes a constant). An unknown
 *       in only one equation can always satisfy that equation, so both leave the system, and the
 *       equation later gives the unknown its value in the null vector.
 *   <li><b>Elimination</b> of what is left, over the integers modulo the Mersenne prime 2^61 - 1,
 *       pivoting on the shortest row and in it on the rarest unknown (Markowitz order keeps fill-in
 *       small), then a random vector of the null space by back substitution: an unknown it gives
 *       zero is determined. Over the rationals and modulo so large a prime the ranks agree unless
 *       the prime divides a minor of a matrix of 0s and ±1s; an undetermined unknown is zero in a
 *       random null vector with probability 2^-61, and that error only hides one cell more.
 * </ol>
 */
final class Determined {
  private static final long P = (1L << 61) - 1;

  private final int unknowns;
  private final int[][] cols;
  private final long[][] vals;
  private final int[] length;
  private final boolean[] rowAlive;

  /** Rows an unknown was ever in (some may have dropped it since); its live count in degree. */
  private final IntArrayList[] rowsOf;

  private final int[] degree;
  private final boolean[] constant;
  private final boolean[] gone;

  private Determined(int unknowns, int[][] equations) {
    this.unknowns = unknowns;
    int n = equations.length;
    this.cols = new int[n][];
    this.vals = new long[n][];
    this.length = new int[n];
    this.rowAlive = new boolean[n];
    this.rowsOf = new IntArrayList[unknowns];
    this.degree = new int[unknowns];
    this.constant = new boolean[unknowns];
    this.gone = new boolean[unknowns];
    for (int u = 0; u < unknowns; u++) {
      rowsOf[u] = new IntArrayList(4);
    }
    for (int r = 0; r < n; r++) {
      int[] terms = equations[r].clone();
      long[] coefficient = new long[terms.length];
      for (int k = 0; k < terms.length; k++) {
        // Sort by unknown with the sign in the low bit.
        terms[k] = terms[k] < 0 ? (~terms[k] << 1) | 1 : terms[k] << 1;
      }
      Arrays.sort(terms);
      int[] c = new int[terms.length];
      int len = 0;
      for (int term : terms) {
        int u = term >>> 1;
        long v = (term & 1) != 0 ? P - 1 : 1;
        if (len > 0 && c[len - 1] == u) {
          coefficient[len - 1] = add(coefficient[len - 1], v);
          if (coefficient[len - 1] == 0) {
            len--;
          }
        } else {
          c[len] = u;
          coefficient[len++] = v;
        }
      }
      cols[r] = c;
      vals[r] = coefficient;
      length[r] = len;
      rowAlive[r] = true;
      for (int k = 0; k < len; k++) {
        rowsOf[c[k]].add(r);
        degree[c[k]]++;
      }
    }
  }

  /**
   * The determined unknowns.
   *
   * @param unknowns the number of unknowns, numbered from 0
   * @param equations each equation's unknowns; {@code ~u} stands for unknown u with coefficient -1
   * @return for each unknown, whether the system fixes its value
   */
  static boolean[] of(int unknowns, int[][] equations) {
    return new Determined(unknowns, equations).solve();
  }

  private boolean[] solve() {
    IntArrayList peeled = new IntArrayList();
    IntArrayList peeledRow = new IntArrayList();
    peel(peeled, peeledRow);
    long[][] nulls = eliminate();
    boolean[] determined = new boolean[unknowns];
    Arrays.fill(determined, true);
    for (long[] x : nulls) {
      // Peeled unknowns, last first, take the value their equation gives them (constants stay 0):
      // a null vector of what was left becomes one of the whole system.
      for (int i = peeled.size() - 1; i >= 0; i--) {
        int u = peeled.get(i);
        int r = peeledRow.get(i);
        long sum = 0;
        int at = -1;
        for (int k = 0; k < length[r]; k++) {
          if (cols[r][k] == u) {
            at = k;
          } else if (x[cols[r][k]] != 0) {
            sum = add(sum, mul(vals[r][k], x[cols[r][k]]));
          }
        }
        x[u] = sum == 0 ? 0 : mul(P - sum, inverse(vals[r][at]));
      }
      for (int u = 0; u < unknowns; u++) {
        determined[u] &= x[u] == 0;
      }
    }
    return determined;
  }

  private int position(int r, int u) {
    return Arrays.binarySearch(cols[r], 0, length[r], u);
  }

  private void peel(IntArrayList peeled, IntArrayList peeledRow) {
    IntArrayList rowQueue = new IntArrayList();
    IntArrayList unknownQueue = new IntArrayList();
    for (int r = 0; r < length.length; r++) {
      if (length[r] <= 1) {
        rowQueue.add(r);
      }
    }
    for (int u = 0; u < unknowns; u++) {
      if (degree[u] == 1) {
        unknownQueue.add(u);
      }
    }
    while (!rowQueue.isEmpty() || !unknownQueue.isEmpty()) {
      if (!rowQueue.isEmpty()) {
        int r = rowQueue.removeAt(rowQueue.size() - 1);
        if (!rowAlive[r] || length[r] > 1) {
          continue;
        }
        rowAlive[r] = false;
        if (length[r] == 1) {
          // A row of one unknown fixes it; it leaves every other row as a constant.
          int u = cols[r][0];
          constant[u] = true;
          gone[u] = true;
          degree[u] = 0;
          for (int i = 0; i < rowsOf[u].size(); i++) {
            int o = rowsOf[u].get(i);
            int at = rowAlive[o] ? position(o, u) : -1;
            if (at >= 0) {
              removeAt(o, at);
              if (length[o] <= 1) {
                rowQueue.add(o);
              }
            }
          }
        }
        continue;
      }
      int u = unknownQueue.removeAt(unknownQueue.size() - 1);
      if (gone[u] || degree[u] != 1) {
        continue;
      }
      // An unknown in one row only: row and unknown leave the system together.
      int r = -1;
      for (int i = 0; i < rowsOf[u].size() && r < 0; i++) {
        int o = rowsOf[u].get(i);
        if (rowAlive[o] && position(o, u) >= 0) {
          r = o;
        }
      }
      rowAlive[r] = false;
      gone[u] = true;
      peeled.add(u);
      peeledRow.add(r);
      for (int k = 0; k < length[r]; k++) {
        int c = cols[r][k];
        degree[c]--;
        if (c != u && degree[c] == 1) {
          unknownQueue.add(c);
        }
      }
    }
  }

  private void removeAt(int r, int at) {
    int len = length[r];
    System.arraycopy(cols[r], at + 1, cols[r], at, len - at - 1);
    System.arraycopy(vals[r], at + 1, vals[r], at, len - at - 1);
    length[r] = len - 1;
  }

  /**
   * Sparse elimination of the rows left after peeling, then a random null vector of them (zero on
   * unknowns peeling took out); see the class comment.
   */
  private long[][] eliminate() {
    // Rows by length in buckets, checked lazily: a row may sit in a bucket it has left.
    IntArrayList[] buckets = new IntArrayList[unknowns + 2];
    int shortest = Integer.MAX_VALUE;
    for (int r = 0; r < length.length; r++) {
      if (rowAlive[r]) {
        shortest = Math.min(shortest, file(buckets, r));
      }
    }
    IntArrayList pivotRows = new IntArrayList();
    IntArrayList pivotColumns = new IntArrayList();
    LongArrayList pivotInverses = new LongArrayList();
    boolean[] isPivot = new boolean[unknowns];
    int[] seen = new int[length.length];
    Arrays.fill(seen, -1);
    int[] mergedCols = new int[16];
    long[] mergedVals = new long[16];
    while (shortest < buckets.length) {
      IntArrayList bucket = buckets[shortest];
      if (bucket == null || bucket.isEmpty()) {
        shortest++;
        continue;
      }
      int r = bucket.removeAt(bucket.size() - 1);
      if (!rowAlive[r] || length[r] != shortest) {
        continue;
      }
      rowAlive[r] = false;
      int len = length[r];
      if (len == 0) {
        continue;
      }
      int[] rc = cols[r];
      long[] rv = vals[r];
      int at = 0;
      for (int k = 1; k < len; k++) {
        if (degree[rc[k]] < degree[rc[at]]) {
          at = k;
        }
      }
      int pivot = rc[at];
      long inverse = inverse(rv[at]);
      pivotInverses.add(inverse);
      for (int k = 0; k < len; k++) {
        degree[rc[k]]--;
      }
      int step = pivotRows.size();
      IntArrayList holders = rowsOf[pivot];
      for (int i = 0; i < holders.size(); i++) {
        int o = holders.get(i);
        if (!rowAlive[o] || seen[o] == step) {
          continue;
        }
        seen[o] = step;
        int op = position(o, pivot);
        if (op < 0) {
          continue;
        }
        long f = mul(vals[o][op], inverse);
        // row o minus f times row r, merged as sorted arrays.
        int ol = length[o];
        int[] oc = cols[o];
        long[] ov = vals[o];
        if (mergedCols.length < ol + len) {
          mergedCols = new int[2 * (ol + len)];
          mergedVals = new long[2 * (ol + len)];
        }
        int a = 0;
        int b = 0;
        int m = 0;
        while (a < ol || b < len) {
          int ca = a < ol ? oc[a] : Integer.MAX_VALUE;
          int cb = b < len ? rc[b] : Integer.MAX_VALUE;
          if (ca < cb) {
            mergedCols[m] = ca;
            mergedVals[m++] = ov[a++];
          } else if (cb < ca) {
            mergedCols[m] = cb;
            mergedVals[m++] = P - mul(f, rv[b++]);
            rowsOf[cb].add(o);
            degree[cb]++;
          } else {
            long v = sub(ov[a++], mul(f, rv[b++]));
            if (v != 0) {
              mergedCols[m] = ca;
              mergedVals[m++] = v;
            } else {
              degree[ca]--;
            }
          }
        }
        if (m > oc.length) {
          // Rows grow by fill-in step after step: room for doubling, not for the next step only.
          cols[o] = new int[2 * m];
          vals[o] = new long[2 * m];
        }
        System.arraycopy(mergedCols, 0, cols[o], 0, m);
        System.arraycopy(mergedVals, 0, vals[o], 0, m);
        length[o] = m;
        shortest = Math.min(shortest, file(buckets, o));
      }
      pivotRows.add(r);
      pivotColumns.add(at);
      isPivot[pivot] = true;
    }
    SplittableRandom random = new SplittableRandom(61);
    // One vector is enough: an undetermined unknown is zero in it only by a 2^-61 chance, and
    // that error is the safe one (one more cell hidden).
    long[][] nulls = new long[1][];
    for (int round = 0; round < nulls.length; round++) {
      long[] x = new long[unknowns];
      for (int u = 0; u < unknowns; u++) {
        if (!isPivot[u] && !gone[u]) {
          x[u] = 1 + random.nextLong(P - 1);
        }
      }
      for (int i = pivotRows.size() - 1; i >= 0; i--) {
        int r = pivotRows.get(i);
        int at = pivotColumns.get(i);
        long sum = 0;
        for (int k = 0; k < length[r]; k++) {
          if (k != at && x[cols[r][k]] != 0) {
            sum = add(sum, mul(vals[r][k], x[cols[r][k]]));
          }
        }
        x[cols[r][at]] = sum == 0 ? 0 : mul(P - sum, pivotInverses.get(i));
      }
      nulls[round] = x;
    }
    return nulls;
  }

  /** Puts a row in the bucket of its length; returns the length. */
  private int file(IntArrayList[] buckets, int r) {
    int len = length[r];
    if (buckets[len] == null) {
      buckets[len] = new IntArrayList();
    }
    buckets[len].add(r);
    return len;
  }

  private static long add(long a, long b) {
    long s = a + b;
    return s >= P ? s - P : s;
  }

  private static long sub(long a, long b) {
    long d = a - b;
    return d < 0 ? d + P : d;
  }

  /** a * b mod 2^61 - 1, for a, b below it: 2^64 is 8 modulo the prime. */
  static long mul(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long low = a * b;
    long r = (low & P) + (low >>> 61) + (high << 3);
    r = (r & P) + (r >>> 61);
    return r >= P ? r - P : r;
  }

  /** The inverse modulo the prime; most coefficients are 1 or -1, their own inverses. */
  private static long inverse(long a) {
    if (a == 1 || a == P - 1) {
      return a;
    }
    long result = 1;
    long base = a;
    for (long e = P - 2; e > 0; e >>= 1) {
      if ((e & 1) != 0) {
        result = mul(result, base);
      }
      base = mul(base, base);
    }
    return result;
  }
}
