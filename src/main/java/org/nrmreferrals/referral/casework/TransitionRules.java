package org.nrmreferrals.referral.casework;

import java.time.LocalDate;
import java.util.Set;
import org.nrmreferrals.referral.Referral;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.ProblemType;
import org.nrmreferrals.workflow.CgFinding;
import org.nrmreferrals.workflow.ReferralStatus;
import org.nrmreferrals.workflow.Transition;

/** The rules of a transition that depend on the case, not only on the table. */
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

  /**
   * The findings go with a positive CG (and only with one); an adult's referral without consent
   * gets no decision; only an adult now (by the date of birth where known) may withdraw; no CG
   * before the minimum time after the positive RG has run.
   */
  static void check(
      Referral r, Transition t, Set<CgFinding> findings, LocalDate today, LocalDate dateOfBirth) {
    ReferralStatus to = t.to();
    boolean found = findings != null && !findings.isEmpty();
    if (found && to != ReferralStatus.CG_POSITIVE) {
      throw ProblemException.invalid("findings", "are given only with CG_POSITIVE");
    }
    if (to == ReferralStatus.CG_POSITIVE && !found) {
      throw ProblemException.invalid(
          "findings",
          "are required for a positive CG decision: HUMAN_TRAFFICKING,"
              + " SLAVERY_SERVITUDE_FORCED_LABOUR or both");
    }
    if (isDecision(t) && r.consentNeeded()) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "The person is an adult and has not consented to the referral; the referring agency"
              + " records their consent (PUT /consent) or withdraws the referral.");
    }
    if (to == ReferralStatus.WITHDRAWN && r.treatedAsChild(dateOfBirth, today)) {
      throw ProblemException.invalid(
          "to",
          "a child's referral cannot be withdrawn: the person is under 18 now, or presumed to be"
              + " until an age assessment says otherwise");
    }
    boolean cg = to == ReferralStatus.CG_POSITIVE || to == ReferralStatus.CG_NEGATIVE;
    LocalDate earliest = r.recoveryPeriodEndsOn();
    if (cg && earliest != null && today.isBefore(earliest)) {
      throw ProblemException.tooEarly(
          "to",
          "the minimum time after the positive RG runs until "
              + earliest
              + "; a CG decision can be made from that day",
          earliest);
    }
  }

  private static boolean isDecision(Transition t) {
    if (t.resumes()) {
      return false;
    }
    return switch (t.to()) {
      case RG_POSITIVE, RG_NEGATIVE, CG_POSITIVE, CG_NEGATIVE -> true;
      case SUBMITTED, SUSPENDED, RECONSIDERATION_REQUESTED, WITHDRAWN, NOTIFIED -> false;
    };
  }
}
