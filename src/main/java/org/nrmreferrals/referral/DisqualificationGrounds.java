package org.nrmreferrals.referral;

/**
 * Why a person is disqualified from the protections of a positive decision (Nationality and Borders
 * Act 2022 s.63): a threat to public order, or a claim made in bad faith.
 */
public enum DisqualificationGrounds {
  PUBLIC_ORDER,
  BAD_FAITH
}
