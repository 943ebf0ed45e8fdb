package org.nrmreferrals.statistics.disclosure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Rounds;

/** The sparse exact solver against a dense floating-point one, on random systems of 0s and 1s. */
class DeterminedTest {
  @Test
  void agreesWithADenseSolverOnRandomSparseSystems() {
    Random random = new Random(3);
    for (int round = 0; round < Rounds.of(300, 2000); round++) {
      int unknowns = 1 + random.nextInt(30);
      int[][] rows = new int[random.nextInt(2 * unknowns + 1)][];
      double[][] dense = new double[rows.length][unknowns];
      for (int r = 0; r < rows.length; r++) {
        rows[r] = new int[1 + random.nextInt(Math.min(unknowns, 5))];
        for (int k = 0; k < rows[r].length; k++) {
          int u = random.nextInt(unknowns);
          boolean negative = random.nextInt(4) == 0;
          rows[r][k] = negative ? ~u : u;
          dense[r][u] += negative ? -1 : 1;
        }
      }
      assertArrayEquals(
          DisclosureAudit.denseDetermined(dense, unknowns),
          Determined.of(unknowns, rows, new Work(Long.MAX_VALUE)),
          "system " + round);
    }
  }
}
