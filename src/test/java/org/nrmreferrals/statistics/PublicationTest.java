package org.nrmreferrals.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.statistics.disclosure.CellKeyPerturbation;

/** Publishing a count: hidden, or perturbed then rounded; exact for a statistician. */
class PublicationTest {
  private final CellKeyPerturbation ckm = new CellKeyPerturbation(2, 1.0, 10);

  @Test
  void perturbsThenRoundsAndSaysSo() {
    Publication p = new Publication(10, 5, ckm);
    for (int key : new int[] {0, 123456789, -1, 987654321}) {
      Map<String, Object> row = new LinkedHashMap<>();
      Integer published = p.put(row, "count", 26, key, false);
      int noisy = ckm.perturb(26, key);
      assertEquals((int) Math.round(noisy / 5.0) * 5, published);
      assertEquals(0, published % 5);
      assertTrue(Math.abs(published - 26) <= 2 + 2);
    }
    DisclosureControl rule = p.summary();
    assertEquals(5, rule.roundingBase());
    assertEquals(2, rule.maxNoise());
    assertTrue(rule.rule().contains("nearest multiple of 5"));
    assertTrue(rule.rule().contains("cell-key method"));
  }

  @Test
  void hidesASuppressedCountAndNamesIt() {
    Publication p = new Publication(10, 1, ckm);
    Map<String, Object> row = new LinkedHashMap<>();
    assertNull(p.put(row, "count", 3, 42, true));
    assertEquals(true, row.get("suppressed"));
    Map<String, Object> decisions = new LinkedHashMap<>();
    p.put(decisions, "issued", 16, 42, false);
    p.put(decisions, "negative", 2, 7, true);
    p.collectSuppressed(decisions);
    assertEquals(List.of("negative"), decisions.get("suppressed"));
    assertEquals(2, p.summary().suppressedCells());
  }

  @Test
  void aStatisticiansPublicationIsExact() {
    Publication p = Publication.exact();
    Map<String, Object> row = new LinkedHashMap<>();
    assertEquals(3, p.put(row, "count", 3, 42, false));
    assertTrue(p.summary().exact());
    assertEquals(0, p.summary().maxNoise());
  }
}
