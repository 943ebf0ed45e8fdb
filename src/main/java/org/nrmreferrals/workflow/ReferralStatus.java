package org.nrmreferrals.workflow;

/** Where a referral stands; Duty to Notify reports are NOTIFIED and never move. */
public enum ReferralStatus {
  SUBMITTED,
  SUSPENDED,
  RG_POSITIVE,
  RG_NEGATIVE,
  CG_POSITIVE,
  CG_NEGATIVE,
  RECONSIDERATION_REQUESTED,
  WITHDRAWN,
  NOTIFIED
}
