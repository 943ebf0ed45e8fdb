package org.nrmreferrals.support;

import java.util.Set;
import java.util.TreeSet;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * What the default test instance may publish for a true count: the count plus a cell-key noise of
 * at most 2 either way (never below the threshold of 10); it does not round.
 */
public final class Published {
  public static final int THRESHOLD = 10;
  public static final int MAX_NOISE = 2;
  public static final int ROUNDING_BASE = 1;

  private Published() {}

  /** The values a true count of {@code exact} (at least the threshold) may be published as. */
  public static Set<Integer> candidates(int exact) {
    Set<Integer> out = new TreeSet<>();
    int m = Math.min(MAX_NOISE, exact - THRESHOLD);
    for (int noise = -m; noise <= m; noise++) {
      out.add((int) Math.round((exact + noise) / (double) ROUNDING_BASE) * ROUNDING_BASE);
    }
    return out;
  }

  /** Matches a published count of a true {@code exact}. */
  public static Matcher<Object> near(int exact) {
    Set<Integer> allowed = candidates(exact);
    return new TypeSafeMatcher<>() {
      @Override
      protected boolean matchesSafely(Object item) {
        return item instanceof Integer i && allowed.contains(i);
      }

      @Override
      public void describeTo(Description d) {
        d.appendText("a count of " + exact + " as published: one of " + allowed);
      }
    };
  }
}
