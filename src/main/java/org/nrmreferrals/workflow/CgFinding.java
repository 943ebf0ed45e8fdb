package org.nrmreferrals.workflow;

/**
 * What a positive Conclusive Grounds decision finds; a decision records one or both, in every
 * jurisdiction.
 */
public enum CgFinding {
  HUMAN_TRAFFICKING,
  SLAVERY_SERVITUDE_FORCED_LABOUR
}
