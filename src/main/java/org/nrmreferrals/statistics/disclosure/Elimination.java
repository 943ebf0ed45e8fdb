package org.nrmreferrals.statistics.disclosure;

import static org.nrmreferrals.statistics.disclosure.PrimeField.P;
import static org.nrmreferrals.statistics.disclosure.PrimeField.add;
import static org.nrmreferrals.statistics.disclosure.PrimeField.inverse;
import static org.nrmreferrals.statistics.disclosure.PrimeField.mul;
import static org.nrmreferrals.statistics.disclosure.PrimeField.sub;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongArrayList;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Sparse elimination of the rows left after peeling, then a random null vector of them (zero on
 * unknowns peeling took out); see {@link Determined}. It works on the system's rows in place.
 */
final class Elimination {
  private final Determined system;
  private final int unknowns;
  private final int[][] cols;
  private final long[][] vals;
  private final int[] length;
  private final boolean[] rowAlive;
  private final IntArrayList[] rowsOf;
  private final int[] degree;
  private final boolean[] gone;

  // Rows by length in buckets, checked lazily: a row may sit in a bucket it has left.
  private final IntArrayList[] buckets;
  private int shortest = Integer.MAX_VALUE;

  /** The pivots in order: each one's row, its place in that row, its coefficient's inverse. */
  private final IntArrayList pivotRows = new IntArrayList();

  private final IntArrayList pivotColumns = new IntArrayList();
  private final LongArrayList pivotInverses = new LongArrayList();
  private final boolean[] isPivot;

  /**
   * The pivot step that last reduced each row: a row listed twice under a pivot is reduced once.
   */
  private final int[] seen;

  /** The work this elimination spends, with the other audits of the same table. */
  private final Work work;

  /** A merged row, grown as needed. */
  private int[] mergedCols = new int[16];

  private long[] mergedVals = new long[16];

  Elimination(Determined system, Work work) {
    this.work = work;
    this.system = system;
    this.unknowns = system.unknowns;
    this.cols = system.cols;
    this.vals = system.vals;
    this.length = system.length;
    this.rowAlive = system.rowAlive;
    this.rowsOf = system.rowsOf;
    this.degree = system.degree;
    this.gone = system.gone;
    this.buckets = new IntArrayList[unknowns + 2];
    this.isPivot = new boolean[unknowns];
    this.seen = new int[length.length];
    Arrays.fill(seen, -1);
  }

  /** Eliminates the live rows, then returns random vectors of their null space. */
  long[][] nullVectors() {
    for (int r = 0; r < length.length; r++) {
      if (rowAlive[r]) {
        shortest = Math.min(shortest, file(r));
      }
    }
    for (int r = nextPivotRow(); r >= 0; r = nextPivotRow()) {
      pivotOn(r);
    }
    SplittableRandom random = new SplittableRandom(61);
    // One vector is enough: an undetermined unknown is zero in it only by a 2^-61 chance, and
    // that error is the safe one (one more cell hidden).
    long[][] nulls = new long[1][];
    for (int round = 0; round < nulls.length; round++) {
      nulls[round] = randomNullVector(random);
    }
    return nulls;
  }

  /** Takes the next pivot row out of the system: a shortest live row, not empty; -1 when none. */
  private int nextPivotRow() {
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
      if (length[r] == 0) {
        continue;
      }
      return r;
    }
    return -1;
  }

  /**
   * Pivots on row r at its rarest unknown (Markowitz order keeps fill-in small): every live row
   * holding that unknown has a multiple of row r subtracted, which takes the unknown out of it.
   */
  private void pivotOn(int r) {
    int len = length[r];
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
    spend(len + holders.size());
    for (int i = 0; i < holders.size(); i++) {
      int o = holders.get(i);
      if (!rowAlive[o] || seen[o] == step) {
        continue;
      }
      seen[o] = step;
      int op = system.position(o, pivot);
      if (op < 0) {
        continue;
      }
      long f = mul(vals[o][op], inverse);
      subtract(o, f, rc, rv, len);
      shortest = Math.min(shortest, file(o));
    }
    pivotRows.add(r);
    pivotColumns.add(at);
    isPivot[pivot] = true;
  }

  /** Row o minus f times the pivot row (rc, rv, len), merged as sorted arrays. */
  private void subtract(int o, long f, int[] rc, long[] rv, int len) {
    int ol = length[o];
    int[] oc = cols[o];
    long[] ov = vals[o];
    if (this.mergedCols.length < ol + len) {
      this.mergedCols = new int[2 * (ol + len)];
      this.mergedVals = new long[2 * (ol + len)];
    }
    int[] mergedCols = this.mergedCols;
    long[] mergedVals = this.mergedVals;
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
    spend(m);
  }

  private void spend(long units) {
    work.spend(units);
  }

  /**
   * A random vector of the null space: random values for the unknowns left free (neither pivots nor
   * taken out by peeling), then the pivots' values by back substitution, last pivot first.
   */
  private long[] randomNullVector(SplittableRandom random) {
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
    return x;
  }

  /** Puts a row in the bucket of its length; returns the length. */
  private int file(int r) {
    int len = length[r];
    if (buckets[len] == null) {
      buckets[len] = new IntArrayList();
    }
    buckets[len].add(r);
    return len;
  }
}
