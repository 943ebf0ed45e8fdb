package org.nrmreferrals.statistics.disclosure;

import java.util.function.IntUnaryOperator;

/**
 * A coded axis of a cube: codes 0 to size - 1 read off each fact; for a multi axis, a bit set (a
 * fact then counts once per code).
 */
public record Axis(String name, int size, IntUnaryOperator code, boolean multi) {
  public Axis {
    if (multi && size > 31) {
      throw new IllegalArgumentException("a multi-valued axis holds at most 31 codes");
    }
  }
}
