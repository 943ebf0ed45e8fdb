package org.nrmreferrals.reference;

/** The UK jurisdiction whose law and holidays govern a referral. */
public enum Jurisdiction {
  ENGLAND_AND_WALES,
  SCOTLAND,
  NORTHERN_IRELAND
}
