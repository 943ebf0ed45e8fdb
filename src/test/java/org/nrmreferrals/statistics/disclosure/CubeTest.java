package org.nrmreferrals.statistics.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Rounds;

/** The suppression rules on small cubes whose answers were worked out by hand. */
class CubeTest {
  private static final int T = 10;

  /** Facts as rows of codes: one int[] per fact, the last element its month. */
  static final class Rows implements Facts {
    final List<int[]> rows = new ArrayList<>();

    Rows add(int times, int... codesAndMonth) {
      for (int i = 0; i < times; i++) {
        rows.add(codesAndMonth);
      }
      return this;
    }

    Axis axis(String name, int index, int size) {
      return new Axis(name, size, f -> rows.get(f)[index], false);
    }

    @Override
    public int size() {
      return rows.size();
    }

    @Override
    public int month(int fact) {
      int[] row = rows.get(fact);
      return row[row.length - 1];
    }

    @Override
    public int key(int fact) {
      return fact * 0x9E3779B9;
    }
  }

  private static byte status(Cube t, int mask, int... codes) {
    return statusAt(t, mask, Cube.YEAR, 0, codes);
  }

  private static byte statusAt(Cube t, int mask, int level, int time, int... codes) {
    return t.get(mask, level).status(t.key(codes, time));
  }

  private static int count(Cube t, int mask, int... codes) {
    return t.get(mask, Cube.YEAR).count(t.key(codes, 0));
  }

  @Test
  void secondarySuppressionProtectsEveryRowAndColumn() {
    // A x B, threshold 10:     b0  b1 | row
    //                      a0  20   5 |  25
    //                      a1  15  30 |  45
    //                      a2  12  14 |  26
    //                         47  49 |  96
    Rows rows =
        new Rows()
            .add(20, 0, 0, 0)
            .add(5, 0, 1, 0)
            .add(15, 1, 0, 0)
            .add(30, 1, 1, 0)
            .add(12, 2, 0, 0)
            .add(14, 2, 1, 0);
    Cube t = new Cube(rows, List.of(rows.axis("a", 0, 3), rows.axis("b", 1, 2)), false, T);
    // a0b1 (5) is primary; column b1 then hides its smallest other cell, a2b1 (14); rows a0 and
    // a2 then hide a0b0 (20) and a2b0 (12). a1's cells stay published, as do all margins.
    assertEquals(Table.PRIMARY, status(t, 3, 0, 1));
    assertEquals(Table.SECONDARY, status(t, 3, 2, 1));
    assertEquals(Table.SECONDARY, status(t, 3, 0, 0));
    assertEquals(Table.SECONDARY, status(t, 3, 2, 0));
    assertEquals(Table.PUBLISHED, status(t, 3, 1, 0));
    assertEquals(Table.PUBLISHED, status(t, 3, 1, 1));
    assertEquals(25, count(t, 1, 0, 0));
    assertEquals(49, count(t, 2, 0, 1));
    assertEquals(96, count(t, 0, 0, 0));
    for (int mask = 0; mask < 3; mask++) {
      assertEquals(0, hidden(t.get(mask, Cube.YEAR)));
    }
    assertProtected(t);
  }

  @Test
  void monthsQuartersAndTheYearAreProtectedAsOneHierarchy() {
    // a0: 12 in January, 15 in February; a1: 3 in January, 11 in February. January's a1 is
    // primary and January's a0 is hidden beside it; a0's first-quarter months then need a
    // second hidden month (February, 15), and February's a1 follows. The quarter and the year
    // (a0 27, a1 14) stay published, as do the months' totals (15 and 26).
    Rows rows = new Rows().add(12, 0, 0).add(15, 0, 1).add(3, 1, 0).add(11, 1, 1);
    Cube t = new Cube(rows, List.of(rows.axis("a", 0, 2)), true, T);
    assertEquals(Table.PRIMARY, statusAt(t, 1, Cube.MONTH, 0, 1));
    assertEquals(Table.SECONDARY, statusAt(t, 1, Cube.MONTH, 0, 0));
    assertEquals(Table.SECONDARY, statusAt(t, 1, Cube.MONTH, 1, 0));
    assertEquals(Table.SECONDARY, statusAt(t, 1, Cube.MONTH, 1, 1));
    assertEquals(Table.PUBLISHED, statusAt(t, 1, Cube.QUARTER, 0, 0));
    assertEquals(Table.PUBLISHED, statusAt(t, 1, Cube.QUARTER, 0, 1));
    assertEquals(Table.PUBLISHED, statusAt(t, 0, Cube.MONTH, 0, 0));
    assertEquals(Table.PUBLISHED, statusAt(t, 0, Cube.MONTH, 1, 0));
    assertEquals(27, count(t, 1, 0));
    assertEquals(14, count(t, 1, 1));
    assertProtected(t);
  }

  @Test
  void aZeroCellIsHiddenWhenNoOtherCellIsLeft() {
    //          b0  b1 | row
    //      a0  15   0 |  15
    //      a1   3  20 |  23
    //          18  20 |  38
    Rows rows = new Rows().add(15, 0, 0, 0).add(3, 1, 0, 0).add(20, 1, 1, 0);
    Cube t = new Cube(rows, List.of(rows.axis("a", 0, 2), rows.axis("b", 1, 2)), false, T);
    assertEquals(Table.PRIMARY, status(t, 3, 1, 0));
    assertEquals(Table.SECONDARY, status(t, 3, 0, 0));
    assertEquals(Table.SECONDARY, status(t, 3, 0, 1));
    assertEquals(0, count(t, 3, 0, 1));
    assertEquals(Table.SECONDARY, status(t, 3, 1, 1));
    assertProtected(t);
  }

  @Test
  void aWholePopulationBelowTheThresholdShowsOnlySuppressedCells() {
    Rows rows = new Rows().add(4, 0, 0, 0).add(3, 1, 1, 0);
    Cube t = new Cube(rows, List.of(rows.axis("a", 0, 2), rows.axis("b", 1, 2)), false, T);
    for (int mask = 0; mask < 4; mask++) {
      Table table = t.get(mask, Cube.YEAR);
      assertEquals(table.size, hidden(table));
    }
  }

  @Test
  void aMultiValuedAxisCountsOncePerCodeAndItsMarginCountsFacts() {
    Rows rows = new Rows();
    Axis types = new Axis("type", 3, f -> rows.rows.get(f)[0], true);
    rows.add(12, 0b011, 0).add(15, 0b001, 0).add(11, 0b100, 0);
    Cube t = new Cube(rows, List.of(types), false, T);
    assertEquals(27, count(t, 1, 0));
    assertEquals(12, count(t, 1, 1));
    assertEquals(11, count(t, 1, 2));
    assertEquals(38, count(t, 0, 0));
  }

  @Test
  void aTableGetsTheSamePatternInEveryCubeThatHoldsIt() {
    Random random = new Random(42);
    for (int round = 0; round < Rounds.of(10, 30); round++) {
      Rows rows = randomRows(random, 400);
      Axis a = rows.axis("a", 0, 4);
      Axis b = rows.axis("b", 1, 3);
      Axis c = rows.axis("c", 2, 5);
      Cube small = new Cube(rows, List.of(a, c), true, T);
      Cube big = new Cube(rows, List.of(a, b, c), true, T);
      for (int level = 0; level < 3; level++) {
        // {a, c}: mask 0b11 in the small cube, 0b101 in the big one; {c}: 0b10 and 0b100.
        assertSamePattern(small, 0b11, big, 0b101, level);
        assertSamePattern(small, 0b10, big, 0b100, level);
      }
      assertProtected(small);
      assertProtected(big);
    }
  }

  /**
   * A cube built only down to the years (or quarters) an answer reads gives those levels the
   * patterns a cube of every level gives them, and is protected on its own: no level depends on a
   * finer one, so a yearly answer and a monthly one agree on every cell they share.
   */
  @Test
  void aCubeBuiltToACoarserLevelAgreesWithTheWholeCube() {
    Random random = new Random(23);
    int levelsWithheldWhole = 0;
    // Seeded, so always the same cubes: enough rounds to meet levels that the audit of a whole
    // level withholds (a few in a hundred cubes of this size).
    for (int round = 0; round < 400 && (round < Rounds.of(15, 60) || levelsWithheldWhole < 2); ) {
      round++;
      Rows rows = new Rows();
      for (int i = 150 + random.nextInt(150); i > 0; i--) {
        rows.add(1, skew(random, 4), skew(random, 3), skew(random, 5), random.nextInt(12));
      }
      List<Axis> axes = List.of(rows.axis("a", 0, 4), rows.axis("b", 1, 3), rows.axis("c", 2, 5));
      Cube whole = new Cube(rows, axes, true, T);
      for (int level = Cube.QUARTER; level <= Cube.MONTH; level++) {
        // The grand total has no relation of its own: withheld only with its whole level.
        levelsWithheldWhole +=
            whole.get(0, level).withheld && !whole.get(0, level - 1).withheld ? 1 : 0;
      }
      for (int finest = Cube.YEAR; finest < Cube.MONTH; finest++) {
        Cube partial = new Cube(rows, axes, true, T, Long.MAX_VALUE, finest, true);
        assertEquals(finest, partial.finest());
        for (int level = 0; level <= finest; level++) {
          for (int mask = 0; mask < 1 << axes.size(); mask++) {
            assertSamePattern(partial, mask, whole, mask, level);
          }
        }
        assertEquals(0, DisclosureAudit.audit(partial), "determined in cube " + round);
        assertProtected(partial);
        int beyond = finest + 1;
        assertThrows(IllegalArgumentException.class, () -> partial.get(0, beyond));
      }
      assertEquals(0, DisclosureAudit.audit(whole), "determined in cube " + round);
    }
    assertTrue(levelsWithheldWhole >= 2, "no level was withheld whole: the test proves less");
  }

  /**
   * A cube without secondary suppression (a wide table, whose published counts carry noise instead)
   * hides exactly the counts under the threshold, withholds nothing, and counts the same cells as a
   * protected cube.
   */
  @Test
  void aCubeWithoutSecondarySuppressionHidesOnlyTheSmallCounts() {
    Random random = new Random(31);
    for (int round = 0; round < Rounds.of(10, 40); round++) {
      Rows rows = randomRows(random, 30 + random.nextInt(500));
      List<Axis> axes = List.of(rows.axis("a", 0, 4), rows.axis("b", 1, 3), rows.axis("c", 2, 5));
      Cube primaryOnly = new Cube(rows, axes, true, T, Long.MAX_VALUE, Cube.MONTH, false);
      Cube protectedCube = new Cube(rows, axes, true, T);
      for (int level = 0; level <= Cube.MONTH; level++) {
        for (int mask = 0; mask < 1 << axes.size(); mask++) {
          Table table = primaryOnly.get(mask, level);
          assertFalse(table.withheld);
          for (int i = 0; i < table.size; i++) {
            int count = table.counts[i];
            assertEquals(count > 0 && count < T, table.status[i] != Table.PUBLISHED);
            if (!protectedCube.get(mask, level).withheld) {
              assertEquals(count, protectedCube.get(mask, level).count(table.keys[i]));
            }
          }
        }
      }
    }
  }

  @Test
  void randomCubesLeaveNoRelationWithExactlyOneHiddenCell() {
    Random random = new Random(7);
    for (int round = 0; round < Rounds.of(40, 200); round++) {
      Rows rows = randomRows(random, 50 + random.nextInt(600));
      Cube t =
          new Cube(
              rows,
              List.of(rows.axis("a", 0, 4), rows.axis("b", 1, 3), rows.axis("c", 2, 5)),
              true,
              T);
      assertProtected(t);
    }
  }

  /**
   * The attack the row-and-column rule alone does not stop: solving every published relation of a
   * cube at once (three axes, or two and time) for its hidden counts. An independent solver (dense,
   * in floating point, in {@link DisclosureAudit}) finds no hidden count it fixes, in cubes of
   * every shape and size; and a withheld table withholds every finer table under it.
   */
  @Test
  void noHiddenCountFollowsFromAllOfACubesRelationsTogether() {
    Random random = new Random(19);
    int withheld = 0;
    for (int round = 0; round < Rounds.of(30, 150); round++) {
      Rows rows = randomRows(random, 30 + random.nextInt(500));
      List<Axis> axes =
          List.of(rows.axis("a", 0, 4), rows.axis("b", 1, 3), rows.axis("c", 2, 5))
              .subList(0, 2 + round % 2);
      Cube t = new Cube(rows, axes, round % 3 != 0, T);
      assertEquals(0, DisclosureAudit.audit(t), "hidden counts determined in cube " + round);
      assertProtected(t);
      withheld += DisclosureAudit.withheld(t);
      for (int level = 0; level <= t.finest(); level++) {
        for (int mask = 0; mask < 1 << t.axisCount(); mask++) {
          if (t.get(mask, level).withheld) {
            for (int a = 0; a < t.axisCount(); a++) {
              assertEquals(true, t.get(mask | (1 << a), level).withheld);
            }
            assertEquals(true, level == t.finest() || t.get(mask, level + 1).withheld);
          }
        }
      }
    }
    // Small random populations over many cells: some tables cannot be protected at all.
    assertNotEquals(0, withheld);
  }

  private static Rows randomRows(Random random, int n) {
    Rows rows = new Rows();
    for (int i = 0; i < n; i++) {
      // Skewed codes, so that some cells are small and some large.
      rows.add(1, skew(random, 4), skew(random, 3), skew(random, 5), random.nextInt(12));
    }
    return rows;
  }

  private static int skew(Random random, int size) {
    return Math.min(size - 1, (int) Math.floor(-Math.log(1 - random.nextDouble()) * 1.2));
  }

  /** The table over the k-th set bits of maskX in x and of maskY in y: same cells, same marks. */
  private static void assertSamePattern(Cube x, int maskX, Cube y, int maskY, int level) {
    Table tx = x.get(maskX, level);
    Table ty = y.get(maskY, level);
    assertEquals(tx.withheld, ty.withheld);
    if (tx.withheld) {
      return;
    }
    for (int i = 0; i < tx.size; i++) {
      int[] codesY = new int[y.axisCount()];
      for (int k = 0; k < Integer.bitCount(maskX); k++) {
        codesY[indexOf(maskY, k)] = x.code(tx.keys[i], indexOf(maskX, k));
      }
      long keyY = y.key(codesY, Cube.time(tx.keys[i]));
      assertEquals(tx.counts[i], ty.count(keyY));
      assertEquals(tx.status[i], ty.status(keyY));
    }
    assertEquals(hidden(tx), hidden(ty));
  }

  /** The bit of the k-th set bit of a mask. */
  private static int indexOf(int mask, int k) {
    for (int bit = 0; bit < 32; bit++) {
      if ((mask & (1 << bit)) != 0 && k-- == 0) {
        return bit;
      }
    }
    throw new IllegalArgumentException();
  }

  private static int hidden(Table table) {
    int n = 0;
    for (int i = 0; i < table.size; i++) {
      n += table.status[i] == Table.PUBLISHED ? 0 : 1;
    }
    return n;
  }

  /** No relation (a cell and its children along one axis, or in time) holds exactly one hidden. */
  static void assertProtected(Cube t) {
    int masks = 1 << t.axisCount();
    for (int level = 0; level <= t.finest(); level++) {
      for (int mask = 0; mask < masks; mask++) {
        Table table = t.get(mask, level);
        if (table.withheld) {
          continue;
        }
        for (int axis = -1; axis < t.axisCount(); axis++) {
          if (axis < 0 ? level == 0 : (mask & (1 << axis)) == 0) {
            continue;
          }
          Table parent = axis < 0 ? t.get(mask, level - 1) : t.get(mask & ~(1 << axis), level);
          Map<Long, int[]> hidden = new HashMap<>();
          for (int i = 0; i < table.size; i++) {
            int[] codes = new int[t.axisCount()];
            for (int b = 0; b < t.axisCount(); b++) {
              codes[b] = b == axis ? 0 : t.code(table.keys[i], b);
            }
            int time = Cube.time(table.keys[i]);
            int parentTime = axis >= 0 ? time : level == Cube.MONTH ? time / 3 : 0;
            hidden.computeIfAbsent(t.key(codes, parentTime), k -> new int[1])[0] +=
                table.status[i] == Table.PUBLISHED ? 0 : 1;
          }
          for (int i = 0; i < parent.size; i++) {
            hidden.computeIfAbsent(parent.keys[i], k -> new int[1]);
          }
          for (Map.Entry<Long, int[]> e : hidden.entrySet()) {
            int n = e.getValue()[0] + (parent.suppressed(e.getKey()) ? 1 : 0);
            assertNotEquals(1, n, "hidden members of a relation in table " + mask + "/" + level);
          }
        }
      }
    }
  }
}
