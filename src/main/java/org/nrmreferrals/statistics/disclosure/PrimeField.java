package org.nrmreferrals.statistics.disclosure;

/** Arithmetic modulo the Mersenne prime 2^61 - 1, on values below it (see {@link Determined}). */
final class PrimeField {
  static final long P = (1L << 61) - 1;

  private PrimeField() {}

  static long add(long a, long b) {
    long s = a + b;
    return s >= P ? s - P : s;
  }

  static long sub(long a, long b) {
    long d = a - b;
    return d < 0 ? d + P : d;
  }

  /** a * b mod 2^61 - 1, for a, b below it: 2^64 is 8 modulo the prime. */
  static long mul(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long low = a * b;
    long r = (low & P) + (low >>> 61) + (high << 3);
    r = (r & P) + (r >>> 61);
    return r >= P ? r - P : r;
  }

  /** The inverse modulo the prime; most coefficients are 1 or -1, their own inverses. */
  static long inverse(long a) {
    if (a == 1 || a == P - 1) {
      return a;
    }
    long result = 1;
    long base = a;
    for (long e = P - 2; e > 0; e >>= 1) {
      if ((e & 1) != 0) {
        result = mul(result, base);
      }
      base = mul(base, base);
    }
    return result;
  }
}
