package org.nrmreferrals.referral;

/**
 * The circumstances that put a case with the Immigration Enforcement Competent Authority: the
 * person is in immigration detention, is a foreign national offender, or is in the immigration
 * enforcement process (for example an asylum claim found inadmissible, or deportation begun).
 */
public enum ImmigrationCircumstance {
  IN_IMMIGRATION_DETENTION,
  FOREIGN_NATIONAL_OFFENDER,
  IN_IMMIGRATION_ENFORCEMENT_PROCESS
}
