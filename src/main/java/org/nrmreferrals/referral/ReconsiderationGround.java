package org.nrmreferrals.referral;

/**
 * Why a negative decision should be taken again: new evidence, or not in line with the guidance.
 */
public enum ReconsiderationGround {
  ADDITIONAL_EVIDENCE,
  NOT_IN_LINE_WITH_GUIDANCE
}
