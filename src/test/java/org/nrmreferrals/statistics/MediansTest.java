package org.nrmreferrals.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The median as published: the mean of the middle values, never one case's own. */
class MediansTest {
  @Test
  void averagesTheMiddleFiveOfAnOddNumberAndTheMiddleSixOfAnEvenOne() {
    // 1..11: the middle five are 4..8, mean 6.
    assertEquals(6, Medians.middleMean(shuffled(1, 11), 11));
    // 1..10: the middle six are 3..8, mean 5.5, rounded to 6.
    assertEquals(6, Medians.middleMean(shuffled(1, 10), 10));
    // The median is one case's 500 days; what is published is the middle five's mean, 309.
    int[] days = {10, 11, 12, 13, 30, 500, 501, 502, 503, 504, 505};
    assertEquals(309, Medians.middleMean(days.clone(), 11));
    assertEquals(500.0, Medians.median(days.clone(), 11));
  }

  @Test
  void agreesWithSortingOverRandomInputs() {
    SplittableRandom random = new SplittableRandom(3);
    for (int trial = 0; trial < 500; trial++) {
      int n = 10 + random.nextInt(200);
      int[] v = new int[n];
      for (int i = 0; i < n; i++) {
        v[i] = random.nextInt(1000);
      }
      int[] sorted = v.clone();
      java.util.Arrays.sort(sorted);
      int k = n % 2 == 1 ? 5 : 6;
      long sum = 0;
      for (int i = (n - k) / 2; i < (n - k) / 2 + k; i++) {
        sum += sorted[i];
      }
      assertEquals(Math.round(sum / (double) k), Medians.middleMean(v, n));
    }
  }

  private static int[] shuffled(int from, int to) {
    int[] v = new int[to - from + 1];
    for (int i = 0; i < v.length; i++) {
      v[i] = to - i;
    }
    return v;
  }
}
