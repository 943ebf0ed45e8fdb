package org.nrmreferrals.referral;

/**
 * The person's age at the time of the referral: what consent, Duty to Notify and withdrawal turn
 * on. Possibly a child is treated as a child (Modern Slavery Act 2015 s.51) until assessed.
 */
public enum AgeGroup {
  ADULT,
  CHILD,
  UNKNOWN_POSSIBLY_CHILD
}
