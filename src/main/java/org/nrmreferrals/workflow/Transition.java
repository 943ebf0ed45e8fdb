package org.nrmreferrals.workflow;

/**
 * One allowed move of the workflow.
 *
 * @param reasonRequired the request must give a reason
 * @param secondCaseworker the move is held until a different caseworker confirms it
 * @param onlyWhenReconsidering null, or the stage a reconsideration must be returning to
 * @param resumes the move ends a suspension, open only to a case suspended in {@code to}
 * @param byAcceptingARequest the move is made by accepting a reconsideration request, and only so
 */
public record Transition(
    ReferralStatus from,
    ReferralStatus to,
    Actor by,
    boolean reasonRequired,
    boolean secondCaseworker,
    Stage onlyWhenReconsidering,
    boolean resumes,
    boolean byAcceptingARequest) {

  /**
   * True when this move is open to a case reconsidering the given stage and suspended from the
   * given status (each null when not so).
   */
  public boolean appliesTo(Stage reconsidering, ReferralStatus suspendedFrom) {
    return (onlyWhenReconsidering == null || onlyWhenReconsidering == reconsidering)
        && (!resumes || to == suspendedFrom);
  }
}
