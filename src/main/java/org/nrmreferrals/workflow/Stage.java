package org.nrmreferrals.workflow;

/** The decision a case under reconsideration returns to. */
public enum Stage {
  REASONABLE_GROUNDS,
  CONCLUSIVE_GROUNDS;

  /** The stage of a negative decision that is being reconsidered. */
  public static Stage of(ReferralStatus negativeDecision) {
    return switch (negativeDecision) {
      case RG_NEGATIVE -> REASONABLE_GROUNDS;
      case CG_NEGATIVE -> CONCLUSIVE_GROUNDS;
      default ->
          throw new IllegalArgumentException(negativeDecision + " is not a negative decision");
    };
  }
}
