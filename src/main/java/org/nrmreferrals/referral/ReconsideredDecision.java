package org.nrmreferrals.referral;

/** The decisions a reconsideration request may be made against. */
public enum ReconsideredDecision {
  RG_NEGATIVE,
  CG_NEGATIVE,
  DISQUALIFICATION
}
