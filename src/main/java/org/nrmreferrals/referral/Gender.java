package org.nrmreferrals.referral;

/** Gender of the potential victim as recorded by the first responder. */
public enum Gender {
  FEMALE,
  MALE,
  OTHER,
  NOT_SPECIFIED
}
