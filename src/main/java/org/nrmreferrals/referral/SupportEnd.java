package org.nrmreferrals.referral;

/** Why support through the NRM ended. */
public enum SupportEnd {
  WITHDRAWN,
  DISQUALIFIED,
  NEGATIVE_DECISION,
  MOVE_ON_FINISHED
}
