package org.nrmreferrals.referral;

/** Flags a caseworker may set on a referral. */
public enum ReferralFlag {
  /** Nationality and Borders Act 2022 s.63; set on a positive-RG case, the CG is still made. */
  PUBLIC_ORDER_DISQUALIFICATION
}
