package org.nrmreferrals.workflow;

/** Who may make a transition. */
public enum Actor {
  /** A caseworker of a competent authority. */
  CASEWORKER,
  /** The partner agency that made the referral, and no other. */
  REFERRING_AGENCY
}
