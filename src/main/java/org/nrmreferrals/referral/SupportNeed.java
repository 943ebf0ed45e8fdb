package org.nrmreferrals.referral;

/** Support the person needs. */
public enum SupportNeed {
  ACCOMMODATION,
  MEDICAL_CARE,
  INTERPRETER,
  LEGAL_ADVICE,
  RETURN_ASSISTANCE
}
