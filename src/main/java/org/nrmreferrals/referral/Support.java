package org.nrmreferrals.referral;

import java.time.LocalDate;
import org.nrmreferrals.workflow.LegalDays;

/**
 * Support as facts of the case with their dates: consent to support, emergency support before the
 * RG, support from a positive RG (at least to supportPeriodEndsOn, and until the CG), move-on
 * support after a positive CG, and when and why it ended.
 */
public record Support(
    Boolean consented,
    LocalDate emergencyFrom,
    LocalDate fromPositiveRg,
    LocalDate supportPeriodEndsOn,
    LocalDate moveOnEndsOn,
    LocalDate endedOn,
    SupportEnd endedBecause) {

  /**
   * The case's support as of today; disqualifiedOn is the day a disqualification took effect.
   * Support ends at the earlier of a disqualification and the case's own end: a withdrawal, a
   * negative decision after support had started, or the end of move-on support.
   */
  static Support of(Referral r, LocalDate disqualifiedOn, LegalDays days) {
    Consent consent = r.consent();
    LocalDate rgPositive =
        r.supportPeriodEndsOn() != null && r.rgDecidedAt() != null
            ? days.dayOf(r.rgDecidedAt())
            : null;
    boolean started = rgPositive != null || r.facts().emergencySupportFrom() != null;
    LocalDate endedOn = null;
    SupportEnd because = null;
    switch (r.status()) {
      case WITHDRAWN -> {
        endedOn = days.dayOf(r.statusSince());
        because = SupportEnd.WITHDRAWN;
      }
      case RG_NEGATIVE, CG_NEGATIVE -> {
        if (started) {
          endedOn = days.dayOf(r.statusSince());
          because = SupportEnd.NEGATIVE_DECISION;
        }
      }
      case CG_POSITIVE -> {
        LocalDate moveOn = r.facts().moveOnSupportEndsOn();
        if (moveOn != null && days.today().isAfter(moveOn)) {
          endedOn = moveOn;
          because = SupportEnd.MOVE_ON_FINISHED;
        }
      }
      case SUBMITTED, SUSPENDED, RG_POSITIVE, RECONSIDERATION_REQUESTED, NOTIFIED -> {}
    }
    if (disqualifiedOn != null && (endedOn == null || disqualifiedOn.isBefore(endedOn))) {
      endedOn = disqualifiedOn;
      because = SupportEnd.DISQUALIFIED;
    }
    return new Support(
        consent == null ? null : consent.support(),
        r.facts().emergencySupportFrom(),
        rgPositive,
        r.supportPeriodEndsOn(),
        r.facts().moveOnSupportEndsOn(),
        endedOn,
        because);
  }
}
