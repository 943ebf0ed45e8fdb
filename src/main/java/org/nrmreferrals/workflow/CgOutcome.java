package org.nrmreferrals.workflow;

/** The form of exploitation a positive Conclusive Grounds decision finds (England and Wales). */
public enum CgOutcome {
  HUMAN_TRAFFICKING,
  SLAVERY_SERVITUDE_FORCED_LABOUR
}
