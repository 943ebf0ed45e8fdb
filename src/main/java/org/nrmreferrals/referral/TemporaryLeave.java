package org.nrmreferrals.referral;

/**
 * The outcome of considering temporary leave to remain as a victim after a positive CG (Nationality
 * and Borders Act 2022 s.65): recorded, with no immigration logic here.
 */
public enum TemporaryLeave {
  GRANTED,
  REFUSED,
  /** The person has leave to remain already: nothing to consider. */
  HAS_LEAVE
}
