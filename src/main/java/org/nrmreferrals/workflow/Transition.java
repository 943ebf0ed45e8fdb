package org.nrmreferrals.workflow;

/**
 * One allowed move of the workflow.
 *
 * @param reasonRequired the request must give a reason
 * @param secondCaseworker the move is held until a different caseworker confirms it
 * @param onlyWhenReconsidering null, or the stage a reconsideration must be returning to
 */
public record Transition(
    ReferralStatus from,
    ReferralStatus to,
    Actor by,
    boolean reasonRequired,
    boolean secondCaseworker,
    Stage onlyWhenReconsidering) {

  /** True when this move is open to a case reconsidering the given stage (null: none). */
  public boolean appliesTo(Stage reconsidering) {
    return onlyWhenReconsidering == null || onlyWhenReconsidering == reconsidering;
  }
}
