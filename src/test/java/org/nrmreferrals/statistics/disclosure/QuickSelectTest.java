package org.nrmreferrals.statistics.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Rounds;

/** The quickselect behind the backlog's medians, against sorting. */
class QuickSelectTest {
  @Test
  void selectsTheKthSmallestAsSortingWould() {
    Random random = new Random(5);
    for (int round = 0; round < Rounds.of(1000, 5000); round++) {
      int n = 1 + random.nextInt(60);
      int[] values = new int[n];
      for (int i = 0; i < n; i++) {
        values[i] = random.nextInt(1 + random.nextInt(40));
      }
      int[] sorted = values.clone();
      Arrays.sort(sorted);
      int k = random.nextInt(n);
      int[] work = values.clone();
      assertEquals(sorted[k], QuickSelect.select(work, n, k));
      // The k smallest are then in front: the (k-1)-th is the largest of them.
      if (k > 0) {
        assertEquals(sorted[k - 1], QuickSelect.select(work, k, k - 1));
      }
    }
  }
}
