package org.nrmreferrals.referral.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditEvent;
import org.nrmreferrals.referral.Consent;
import org.nrmreferrals.referral.Disqualifications;
import org.nrmreferrals.referral.Referral;
import org.nrmreferrals.referral.TemporaryLeave;
import org.nrmreferrals.referral.casework.CaseChanges.Changed;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.ProblemType;
import org.nrmreferrals.workflow.LegalDays;
import org.nrmreferrals.workflow.ReferralStatus;

/**
 * Facts a caseworker records beside the status: emergency support before the RG, the outcome of
 * considering temporary leave after a positive CG, and a further RG whose recovery period is the
 * caseworker's decision. Each is audited.
 */
@ApplicationScoped
class CaseFacts {
  private final CaseChanges changes;
  private final Disqualifications disqualifications;
  private final LegalDays days;

  CaseFacts(CaseChanges changes, Disqualifications disqualifications, LegalDays days) {
    this.changes = changes;
    this.disqualifications = disqualifications;
    this.days = days;
  }

  /** Emergency support from today, for a destitute person who consented to support. */
  @Transactional
  Changed emergencySupport(
      Caller caller, UUID id, String ifMatch, SupportFactRequests.EmergencySupport body) {
    Referral r = changes.changeable(caller, id, ifMatch);
    requireStatus(r, ReferralStatus.SUBMITTED, "Emergency support is before the RG");
    Consent consent = r.consent();
    if (consent == null || !Boolean.TRUE.equals(consent.support())) {
      throw new ProblemException(
          ProblemType.CONFLICT, "The person has not consented to support (consent.support).");
    }
    if (r.facts().emergencySupportFrom() != null) {
      throw new ProblemException(ProblemType.CONFLICT, "Emergency support is recorded already.");
    }
    r.changeFacts().emergencySupportFrom(days.today());
    changes.append(
        AuditEvent.of(Action.EMERGENCY_SUPPORT_STARTED)
            .referral(r.id(), r.agency().code())
            .reason(body.reason().strip()),
        r);
    return changes.changed(caller, r);
  }

  /** Records the outcome of considering temporary leave after a positive CG. */
  @Transactional
  Changed temporaryLeave(
      Caller caller, UUID id, String ifMatch, SupportFactRequests.TemporaryLeaveConsidered body) {
    Referral r = changes.changeable(caller, id, ifMatch);
    requireStatus(
        r, ReferralStatus.CG_POSITIVE, "Temporary leave is considered after a positive CG");
    boolean disqualified = disqualifications.live(r.id()).filter(d -> d.inEffect()).isPresent();
    if (disqualified && body.outcome() == TemporaryLeave.GRANTED) {
      throw ProblemException.invalid(
          "outcome",
          "a disqualified person is not granted temporary leave as a victim (Nationality and"
              + " Borders Act 2022 s.65)");
    }
    r.changeFacts().temporaryLeaveConsidered(body.outcome(), changes.now());
    changes.append(
        AuditEvent.of(Action.TEMPORARY_LEAVE_CONSIDERED)
            .referral(r.id(), r.agency().code())
            .detail("outcome", body.outcome())
            .reason(body.reason().strip()),
        r);
    return changes.changed(caller, r);
  }

  /** Marks a further RG before the RG decision, with the caseworker's recovery-period decision. */
  @Transactional
  Changed furtherRg(Caller caller, UUID id, String ifMatch, SupportFactRequests.FurtherRg body) {
    Referral r = changes.changeable(caller, id, ifMatch);
    requireStatus(r, ReferralStatus.SUBMITTED, "A further RG is marked before the RG decision");
    r.changeFacts().furtherRg(body.recoveryPeriod());
    changes.append(
        AuditEvent.of(Action.FURTHER_RG_MARKED)
            .referral(r.id(), r.agency().code())
            .detail("recoveryPeriod", body.recoveryPeriod())
            .reason(body.reason().strip()),
        r);
    return changes.changed(caller, r);
  }

  private static void requireStatus(Referral r, ReferralStatus status, String rule) {
    if (r.status() != status) {
      throw new ProblemException(ProblemType.CONFLICT, rule + "; the case is " + r.status() + ".");
    }
  }
}
