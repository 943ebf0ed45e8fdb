package org.nrmreferrals.referral;

/** Which route a referral takes. */
public enum ReferralKind {
  NRM,
  DUTY_TO_NOTIFY
}
