package org.nrmreferrals.statistics.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CellKeyPerturbationTest {
  private final CellKeyPerturbation ckm = new CellKeyPerturbation(2, 1.0, 10);

  @Test
  void theNoiseIsSymmetricUnbiasedAndOfTheVarianceAsked() {
    double[] p = CellKeyPerturbation.distribution(2, 1.0);
    double sum = 0;
    double mean = 0;
    double variance = 0;
    for (int x = -2; x <= 2; x++) {
      sum += p[x + 2];
      mean += x * p[x + 2];
      variance += x * x * p[x + 2];
      assertEquals(p[x + 2], p[2 - x], 1e-12);
    }
    assertEquals(1.0, sum, 1e-9);
    assertEquals(0.0, mean, 1e-9);
    assertEquals(1.0, variance, 1e-6);
    // More variance than [-1, 1] allows: uniform over it.
    double[] narrow = CellKeyPerturbation.distribution(1, 1.0);
    assertEquals(1.0 / 3, narrow[0], 1e-12);
  }

  @Test
  void overManyCellsTheNoiseAveragesZeroAndStaysWithinItsBound() {
    SplittableRandom random = new SplittableRandom(7);
    long total = 0;
    long squares = 0;
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      int noise = ckm.noise(100, random.nextInt());
      assertTrue(noise >= -2 && noise <= 2);
      total += noise;
      squares += (long) noise * noise;
    }
    assertEquals(0.0, total / (double) n, 0.01);
    assertEquals(1.0, squares / (double) n, 0.02);
  }

  @Test
  void neverTakesACountBelowTheThresholdNorChangesZeroOrAHiddenCount() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 10_000; i++) {
      int key = random.nextInt();
      assertEquals(10, ckm.perturb(10, key));
      int eleven = ckm.perturb(11, key);
      assertTrue(eleven >= 10 && eleven <= 12, "11 became " + eleven);
      assertTrue(ckm.perturb(12, key) >= 10);
      assertEquals(0, ckm.perturb(0, key));
      assertEquals(3, ckm.perturb(3, key));
    }
  }

  @Test
  void theSameCellKeyAlwaysGivesTheSameNoise() {
    assertEquals(ckm.noise(57, 123456789), ckm.noise(57, 123456789));
    // Keys spread over the whole unsigned range: the lowest and highest keys give the extremes.
    assertEquals(-2, ckm.noise(57, 0));
    assertEquals(2, ckm.noise(57, -1));
  }

  @Test
  void aZeroMaximumPerturbsNothing() {
    CellKeyPerturbation none = new CellKeyPerturbation(0, 1.0, 10);
    assertEquals(57, none.perturb(57, 987654321));
  }
}
