package org.nrmreferrals.workflow;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One allowed move of the workflow.
 *
 * @param reasonRequired the request must give a reason
 * @param secondCaseworker the move is held until a different caseworker confirms it
 * @param onlyWhenReconsidering null, or the stage a reconsideration must be returning to
 */
@Schema(name = "WorkflowTransition")
public record Transition(
    ReferralStatus from,
    ReferralStatus to,
    Actor by,
    boolean reasonRequired,
    boolean secondCaseworker,
    @Schema(nullable = true) Stage onlyWhenReconsidering) {

  /** True when this move is open to a case reconsidering the given stage (null: none). */
  public boolean appliesTo(Stage reconsidering) {
    return onlyWhenReconsidering == null || onlyWhenReconsidering == reconsidering;
  }
}
