package org.nrmreferrals.protection;

/**
 * Data made with a key derived from the KEK, such as blind-index digests, kept where it lives (the
 * referral feature). A rotation recomputes it under the new key through this interface, so that the
 * old key can be dropped without losing matches.
 */
public interface KeyedDigests {
  /** How many digests were made under an earlier key. */
  long underEarlierKeys();

  /**
   * Recomputes up to {@code batch} referrals' digests under the current key, in the caller's
   * transaction (rows locked, others' locks skipped); returns how many referrals.
   */
  int rekeyBatch(int batch);
}
