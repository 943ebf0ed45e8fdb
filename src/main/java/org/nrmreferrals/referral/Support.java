package org.nrmreferrals.referral;

import java.time.Instant;
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

  /** The case's support as of today; disqualifiedOn is the day a disqualification took effect. */
  static Support of(Referral r, LocalDate disqualifiedOn, LegalDays days) {
    Consent consent = r.consent();
    LocalDate rgPositive =
        r.supportPeriodEndsOn() != null && r.rgDecidedAt() != null
            ? days.dayOf(r.rgDecidedAt())
            : null;
    LocalDate endedOn = null;
    SupportEnd because = null;
    if (disqualifiedOn != null) {
      endedOn = disqualifiedOn;
      because = SupportEnd.DISQUALIFIED;
    } else {
      switch (r.status()) {
        case WITHDRAWN -> {
          endedOn = days.dayOf(r.statusSince());
          because = SupportEnd.WITHDRAWN;
        }
        case RG_NEGATIVE -> {
          endedOn = days.dayOf(or(r.rgDecidedAt(), r.statusSince()));
          because = SupportEnd.NEGATIVE_DECISION;
        }
        case CG_NEGATIVE -> {
          endedOn = days.dayOf(or(r.cgDecidedAt(), r.statusSince()));
          because = SupportEnd.NEGATIVE_DECISION;
        }
        case CG_POSITIVE -> {
          LocalDate moveOn = r.moveOnSupportEndsOn();
          if (moveOn != null && days.today().isAfter(moveOn)) {
            endedOn = moveOn;
            because = SupportEnd.MOVE_ON_FINISHED;
          }
        }
        case SUBMITTED, SUSPENDED, RG_POSITIVE, RECONSIDERATION_REQUESTED, NOTIFIED -> {}
      }
    }
    return new Support(
        consent == null ? null : consent.support(),
        r.emergencySupportFrom(),
        rgPositive,
        r.supportPeriodEndsOn(),
        r.moveOnSupportEndsOn(),
        endedOn,
        because);
  }

  private static Instant or(Instant first, Instant second) {
    return first != null ? first : second;
  }
}
