package org.nrmreferrals.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Breakdowns drawn at random from a seed, for the benchmark: one to three of the public dimensions
 * (at most one of them a period, never on the backlog), with a filter on another dimension half the
 * time (a value some referral has), on the referrals, decisions, backlog and time-to-decision
 * endpoints. A fixed list of cases hides the slow combinations; a draw over all of them does not.
 */
final class RandomBreakdowns {
  private static final String[] ENDPOINTS = {
    "referrals", "referrals", "referrals", "decisions", "backlog", "time-to-decision"
  };
  private static final Dimension[] TIME = {Dimension.YEAR, Dimension.QUARTER, Dimension.MONTH};

  private RandomBreakdowns() {}

  /** Cases as {endpoint, from, to, groupBy, filter (name=value or "")}. */
  static List<String[]> draw(CodedFacts facts, long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Dimension> coded = Arrays.stream(Dimension.values()).filter(d -> !d.isTime()).toList();
    List<String[]> cases = new ArrayList<>();
    while (cases.size() < count) {
      String endpoint = ENDPOINTS[random.nextInt(ENDPOINTS.length)];
      boolean backlog = endpoint.equals("backlog");
      int k = 1 + random.nextInt(3);
      List<Dimension> dims = new ArrayList<>();
      if (!backlog && random.nextInt(3) == 0) {
        dims.add(TIME[random.nextInt(TIME.length)]);
      }
      while (dims.size() < k) {
        Dimension d = coded.get(random.nextInt(coded.size()));
        if (!dims.contains(d)) {
          dims.add(d);
        }
      }
      String filter = "";
      if (random.nextBoolean()) {
        Dimension d = coded.get(random.nextInt(coded.size()));
        if (!dims.contains(d)) {
          filter = d.wireName() + "=" + someValue(facts, d, random);
        }
      }
      String groupBy = String.join(",", dims.stream().map(Dimension::wireName).toList());
      cases.add(
          backlog
              ? new String[] {endpoint, null, null, groupBy, filter}
              : new String[] {endpoint, "2025-01", "2025-12", groupBy, filter});
    }
    return cases;
  }

  /** A value of the dimension that a referral picked at random has. */
  private static String someValue(CodedFacts facts, Dimension d, SplittableRandom random) {
    int slot;
    do {
      slot = random.nextInt(facts.slots);
    } while (facts.month[slot] < 0);
    int code = DimensionCodes.code(facts, d).applyAsInt(slot);
    if (d.isMulti()) {
      code = code == 0 ? 0 : Integer.numberOfTrailingZeros(code);
    }
    return DimensionCodes.domain(facts, d).get(code);
  }
}
