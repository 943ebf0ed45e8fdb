package org.nrmreferrals.statistics.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A disclosure audit (not a test): on random cubes, solves the whole linear system of every
 * relation of a cube (published counts as constants, hidden counts as unknowns) and counts the
 * hidden cells it determines exactly. The row-and-column rule leaves none in two dimensions, but
 * with three (or two and the time hierarchy) combining relations determines some: see
 * docs/design/disclosure-control.md. Run with {@code bench/disclosure-audit}.
 */
public class DisclosureAudit {
  public static void main(String[] args) {
    run("2 coded axes + the year/quarter/month hierarchy", 2, true);
    run("3 coded axes, no time", 3, false);
    run("3 coded axes + the year/quarter/month hierarchy", 3, true);
  }

  private static void run(String name, int axisCount, boolean time) {
    Random random = new Random(11);
    primaryDetermined = 0;
    int determined = 0;
    int leaking = 0;
    int refused = 0;
    int cubes = 200;
    for (int round = 0; round < cubes; round++) {
      List<int[]> rows = new ArrayList<>();
      int n = 40 + random.nextInt(300);
      for (int i = 0; i < n; i++) {
        rows.add(new int[] {skew(random, 4), skew(random, 3), skew(random, 3), random.nextInt(12)});
      }
      Facts facts =
          new Facts() {
            @Override
            public int size() {
              return rows.size();
            }

            @Override
            public int month(int f) {
              return rows.get(f)[3];
            }

            @Override
            public int key(int f) {
              return 0; // the audit reads suppression patterns, not published counts
            }
          };
      List<Axis> axes = new ArrayList<>();
      int[] sizes = {4, 3, 3};
      for (int a = 0; a < axisCount; a++) {
        int index = a;
        axes.add(new Axis("a" + a, sizes[a], f -> rows.get(f)[index], false));
      }
      Cube t = new Cube(facts, axes, time, 10);
      refused += withheld(t);
      int d = audit(t);
      determined += d;
      leaking += d > 0 ? 1 : 0;
    }
    System.out.printf(
        "%s: %d random cubes, %d with a hidden cell the linear system determines; %d hidden"
            + " cells determined, %d of them primary; %d tables withheld whole%n",
        name, cubes, leaking, determined, primaryDetermined, refused);
  }

  /** The number of tables withheld whole. */
  static int withheld(Cube t) {
    int n = 0;
    for (int level = 0; level <= t.finest(); level++) {
      for (int mask = 0; mask < 1 << t.axisCount(); mask++) {
        n += t.get(mask, level).withheld ? 1 : 0;
      }
    }
    return n;
  }

  static int skew(Random random, int size) {
    return Math.min(size - 1, (int) Math.floor(-Math.log(1 - random.nextDouble()) * 1.2));
  }

  /** Builds every relation, unknowns = hidden cells; counts hidden cells fixed by the system. */
  static int primaryDetermined = 0;

  static int audit(Cube t) {
    java.util.Set<Integer> primaries = new java.util.HashSet<>();
    Map<String, Integer> unknown = new HashMap<>();
    List<double[]> eqs = new ArrayList<>();
    List<Map<String, Double>> sparse = new ArrayList<>();
    int masks = 1 << t.axisCount();
    for (int level = 0; level <= t.finest(); level++) {
      for (int mask = 0; mask < masks; mask++) {
        Table table = t.get(mask, level);
        if (table.withheld) {
          continue;
        }
        for (int i = 0; i < table.size; i++) {
          if (table.status[i] != Table.PUBLISHED) {
            unknown.putIfAbsent(mask + "/" + level + "/" + table.keys[i], unknown.size());
            if (table.status[i] == Table.PRIMARY)
              primaries.add(unknown.get(mask + "/" + level + "/" + table.keys[i]));
          }
        }
      }
    }
    // relations
    for (int level = 0; level <= t.finest(); level++) {
      for (int mask = 0; mask < masks; mask++) {
        Table table = t.get(mask, level);
        if (table.withheld) {
          continue;
        }
        for (int axis = -1; axis < t.axisCount(); axis++) {
          if (axis < 0 ? level == 0 : (mask & (1 << axis)) == 0) continue;
          int pMask = axis < 0 ? mask : mask & ~(1 << axis);
          int pLevel = axis < 0 ? level - 1 : level;
          Table parent = t.get(pMask, pLevel);
          Map<Long, Map<String, Double>> byParent = new HashMap<>();
          Map<Long, Double> constant = new HashMap<>();
          for (int i = 0; i < table.size; i++) {
            int[] codes = new int[t.axisCount()];
            for (int b = 0; b < t.axisCount(); b++)
              codes[b] = b == axis ? 0 : t.code(table.keys[i], b);
            int time = Cube.time(table.keys[i]);
            int pTime = axis >= 0 ? time : level == Cube.MONTH ? time / 3 : 0;
            long pk = t.key(codes, pTime);
            Map<String, Double> eq = byParent.computeIfAbsent(pk, k -> new HashMap<>());
            if (table.status[i] != Table.PUBLISHED) {
              eq.merge(mask + "/" + level + "/" + table.keys[i], 1.0, Double::sum);
            } else {
              constant.merge(pk, (double) table.counts[i], Double::sum);
            }
          }
          for (int i = 0; i < parent.size; i++) {
            if (parent.status[i] != Table.PUBLISHED) {
              byParent.computeIfAbsent(parent.keys[i], k -> new HashMap<>());
            }
          }
          for (var e : byParent.entrySet()) {
            Map<String, Double> eq = e.getValue();
            long pk = e.getKey();
            if (parent.suppressed(pk)) {
              eq.merge(pMask + "/" + pLevel + "/" + pk, -1.0, Double::sum);
            }
            if (!eq.isEmpty()) sparse.add(eq);
          }
        }
      }
    }
    int u = unknown.size();
    if (u == 0) return 0;
    double[][] m = new double[sparse.size()][u];
    for (int r = 0; r < sparse.size(); r++) {
      for (var e : sparse.get(r).entrySet()) {
        Integer idx = unknown.get(e.getKey());
        if (idx != null) m[r][idx] += e.getValue();
      }
    }
    boolean[] fixed = denseDetermined(m, u);
    int determined = 0;
    for (int k = 0; k < u; k++) {
      if (fixed[k]) {
        determined++;
        if (primaries.contains(k)) primaryDetermined++;
      }
    }
    return determined;
  }

  /**
   * The unknowns a dense system fixes, by reduced row echelon form in floating point: unknown j is
   * fixed exactly when some reduced row is the unit vector of j.
   */
  static boolean[] denseDetermined(double[][] m, int u) {
    int rank = 0;
    for (int c = 0; c < u && rank < m.length; c++) {
      int p = -1;
      for (int r = rank; r < m.length; r++)
        if (Math.abs(m[r][c]) > 1e-9) {
          p = r;
          break;
        }
      if (p < 0) continue;
      double[] tmp = m[p];
      m[p] = m[rank];
      m[rank] = tmp;
      double piv = m[rank][c];
      for (int k = 0; k < u; k++) m[rank][k] /= piv;
      for (int r = 0; r < m.length; r++) {
        if (r != rank && Math.abs(m[r][c]) > 1e-9) {
          double f = m[r][c];
          for (int k = 0; k < u; k++) m[r][k] -= f * m[rank][k];
        }
      }
      rank++;
    }
    boolean[] fixed = new boolean[u];
    for (int r = 0; r < rank; r++) {
      int nz = 0;
      int at = -1;
      for (int k = 0; k < u; k++)
        if (Math.abs(m[r][k]) > 1e-9) {
          nz++;
          at = k;
        }
      if (nz == 1) fixed[at] = true;
    }
    return fixed;
  }
}
