package org.nrmreferrals.statistics.disclosure;

import static org.nrmreferrals.statistics.disclosure.PrimeField.P;
import static org.nrmreferrals.statistics.disclosure.PrimeField.add;
import static org.nrmreferrals.statistics.disclosure.PrimeField.inverse;
import static org.nrmreferrals.statistics.disclosure.PrimeField.mul;

import com.carrotsearch.hppc.IntArrayList;
import java.util.Arrays;

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
 *   <li><b>Elimination</b> ({@link Elimination}) of what is left, over the integers modulo the
 *       Mersenne prime 2^61 - 1, pivoting on the shortest row and in it on the rarest unknown
 *       (Markowitz order keeps fill-in small), then a random vector of the null space by back
 *       substitution: an unknown it gives zero is determined. Over the rationals and modulo so
 *       large a prime the ranks agree unless the prime divides a minor of a matrix of 0s and ±1s;
 *       an undetermined unknown is zero in a random null vector with probability 2^-61, and that
 *       error only hides one cell more.
 * </ol>
 */
final class Determined {
  // The rows as sorted arrays of unknowns and coefficients; Elimination works on them in place.
  final int unknowns;
  final int[][] cols;
  final long[][] vals;
  final int[] length;
  final boolean[] rowAlive;

  /** Rows an unknown was ever in (some may have dropped it since); its live count in degree. */
  final IntArrayList[] rowsOf;

  final int[] degree;
  private final boolean[] constant;
  final boolean[] gone;

  private final Work work;

  private Determined(int unknowns, int[][] equations, Work work) {
    this.work = work;
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
   * @param work the budget the elimination spends from (see {@link Work})
   * @return for each unknown, whether the system fixes its value
   */
  static boolean[] of(int unknowns, int[][] equations, Work work) {
    return new Determined(unknowns, equations, work).solve();
  }

  private boolean[] solve() {
    IntArrayList peeled = new IntArrayList();
    IntArrayList peeledRow = new IntArrayList();
    peel(peeled, peeledRow);
    long[][] nulls = new Elimination(this, work).nullVectors();
    boolean[] determined = new boolean[unknowns];
    Arrays.fill(determined, true);
    for (long[] x : nulls) {
      substitutePeeled(x, peeled, peeledRow);
      for (int u = 0; u < unknowns; u++) {
        determined[u] &= x[u] == 0;
      }
    }
    return determined;
  }

  /**
   * Peeled unknowns, last first, take the value their equation gives them (constants stay 0): a
   * null vector of what was left becomes one of the whole system.
   */
  private void substitutePeeled(long[] x, IntArrayList peeled, IntArrayList peeledRow) {
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
  }

  /** The place of unknown u in row r, or a negative number when the row does not hold it. */
  int position(int r, int u) {
    return Arrays.binarySearch(cols[r], 0, length[r], u);
  }

  /** Peeling (see the class comment): takes rows of one unknown and unknowns of one row out. */
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
        peelRow(rowQueue.removeAt(rowQueue.size() - 1), rowQueue);
      } else {
        peelUnknown(
            unknownQueue.removeAt(unknownQueue.size() - 1), unknownQueue, peeled, peeledRow);
      }
    }
  }

  /** Takes a row of at most one unknown out of the system; rows left that short are queued. */
  private void peelRow(int r, IntArrayList rowQueue) {
    if (!rowAlive[r] || length[r] > 1) {
      return;
    }
    rowAlive[r] = false;
    if (length[r] != 1) {
      return;
    }
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

  /**
   * Takes an unknown in one row only out of the system with its row; unknowns left in one row are
   * queued.
   */
  private void peelUnknown(
      int u, IntArrayList unknownQueue, IntArrayList peeled, IntArrayList peeledRow) {
    if (gone[u] || degree[u] != 1) {
      return;
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

  private void removeAt(int r, int at) {
    int len = length[r];
    System.arraycopy(cols[r], at + 1, cols[r], at, len - at - 1);
    System.arraycopy(vals[r], at + 1, vals[r], at, len - at - 1);
    length[r] = len - 1;
  }
}
