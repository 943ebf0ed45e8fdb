package org.nrmreferrals.referral.casework;

import java.time.LocalDate;
import org.nrmreferrals.reference.Jurisdiction;
import org.nrmreferrals.referral.AgeAtExploitation;
import org.nrmreferrals.referral.Referral;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.workflow.CgOutcome;
import org.nrmreferrals.workflow.ReferralStatus;
import org.nrmreferrals.workflow.Transition;

/** The rules of a transition that depend on the case, not only on the table (all 422). */
final class TransitionRules {
  private TransitionRules() {}

  /** The reason, stripped; required where the table says so. */
  static String reason(Transition t, String reason) {
    String stripped = reason == null ? "" : reason.strip();
    if (t.reasonRequired() && stripped.isEmpty()) {
      throw ProblemException.invalid("reason", "is required for a move to " + t.to());
    }
    return stripped.isEmpty() ? null : stripped;
  }

  static void check(Referral r, Transition t, CgOutcome outcome, LocalDate today) {
    ReferralStatus to = t.to();
    if (outcome != null && to != ReferralStatus.CG_POSITIVE) {
      throw ProblemException.invalid("outcome", "is given only with CG_POSITIVE");
    }
    if (to == ReferralStatus.CG_POSITIVE
        && outcome == null
        && r.jurisdiction() == Jurisdiction.ENGLAND_AND_WALES) {
      throw ProblemException.invalid(
          "outcome",
          "is required for a positive CG decision in England and Wales: HUMAN_TRAFFICKING or"
              + " SLAVERY_SERVITUDE_FORCED_LABOUR");
    }
    if (to == ReferralStatus.WITHDRAWN && r.ageAtExploitation() != AgeAtExploitation.ADULT) {
      throw ProblemException.invalid(
          "to", "only an adult's referral can be withdrawn; this one is " + r.ageAtExploitation());
    }
    boolean cg = to == ReferralStatus.CG_POSITIVE || to == ReferralStatus.CG_NEGATIVE;
    LocalDate earliest = r.recoveryPeriodEndsOn();
    if (cg && earliest != null && today.isBefore(earliest)) {
      throw ProblemException.tooEarly(
          "to",
          "the recovery period runs until "
              + earliest
              + "; a CG decision can be made from that day",
          earliest);
    }
  }
}
