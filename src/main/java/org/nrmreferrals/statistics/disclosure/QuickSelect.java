package org.nrmreferrals.statistics.disclosure;

/** The k-th smallest of an array's first values, in place: the backlog's medians use it. */
public final class QuickSelect {
  private QuickSelect() {}

  /**
   * The k-th smallest of the first n values, rearranging them (quickselect, Hoare partition): the
   * first k + 1 values are then the k + 1 smallest, so the (k-1)-th is found among them.
   */
  public static int select(int[] v, int n, int k) {
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      int pivot = v[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (v[i] < pivot) {
          i++;
        }
        while (v[j] > pivot) {
          j--;
        }
        if (i <= j) {
          int t = v[i];
          v[i++] = v[j];
          v[j--] = t;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        break;
      }
    }
    return v[k];
  }
}
