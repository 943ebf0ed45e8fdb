package org.nrmreferrals.support;

/**
 * How many random cases a property test tries: a few by default, so that {@code ./mvnw verify}
 * stays quick, and many with {@code -Ddeep=true} (for a change to the code they check).
 */
public final class Rounds {
  private Rounds() {}

  /** {@code quick} cases by default, {@code deep} with {@code -Ddeep=true}. */
  public static int of(int quick, int deep) {
    return Boolean.getBoolean("deep") ? deep : quick;
  }
}
