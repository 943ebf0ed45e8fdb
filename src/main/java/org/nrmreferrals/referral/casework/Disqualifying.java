package org.nrmreferrals.referral.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditEvent;
import org.nrmreferrals.referral.Disqualification;
import org.nrmreferrals.referral.Disqualifications;
import org.nrmreferrals.referral.Referral;
import org.nrmreferrals.referral.casework.CaseChanges.Changed;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.ProblemType;
import org.nrmreferrals.workflow.ReferralStatus;

/**
 * Disqualification (Nationality and Borders Act 2022 s.63) of a case with a positive RG or CG: one
 * caseworker asks, a different one confirms (as for negative decisions), either may withdraw the
 * request while it is held. Once in effect, support ends and temporary leave as a victim is ruled
 * out, until an accepted reconsideration sets it aside.
 */
@ApplicationScoped
class Disqualifying {
  private final CaseChanges changes;
  private final Disqualifications disqualifications;

  Disqualifying(CaseChanges changes, Disqualifications disqualifications) {
    this.changes = changes;
    this.disqualifications = disqualifications;
  }

  @Transactional
  Changed request(Caller caller, UUID id, String ifMatch, DisqualificationRequest body) {
    Referral r = changes.changeable(caller, id, ifMatch);
    requirePositive(r);
    if (disqualifications.live(r.id()).isPresent()) {
      throw new ProblemException(
          ProblemType.CONFLICT, "A disqualification is held or in effect on the case already.");
    }
    Disqualification d =
        new Disqualification(r.id(), body.grounds(), r.status(), caller.subject(), changes.now());
    changes.insert(d, "A disqualification is held or in effect on the case already.");
    changes.touch(r);
    changes.append(
        AuditEvent.of(Action.DISQUALIFICATION_REQUESTED)
            .referral(r.id(), r.agency().code())
            .detail("disqualificationId", d.id().toString())
            .detail("grounds", body.grounds())
            .reason(body.reason().strip()),
        r);
    return changes.changed(caller, r);
  }

  @Transactional
  Changed confirm(Caller caller, UUID id, String ifMatch) {
    Referral r = changes.changeable(caller, id, ifMatch);
    Disqualification d = held(r);
    requirePositive(r);
    if (d.requestedBy().equals(caller.subject())) {
      throw new ProblemException(
          ProblemType.SECOND_CASEWORKER_REQUIRED,
          "You asked for this disqualification; a different caseworker must confirm it.");
    }
    d.confirm(caller.subject(), changes.now());
    changes.touch(r);
    changes.append(
        AuditEvent.of(Action.DISQUALIFIED)
            .referral(r.id(), r.agency().code())
            .detail("disqualificationId", d.id().toString()),
        r);
    return changes.changed(caller, r);
  }

  @Transactional
  Changed withdraw(Caller caller, UUID id, String ifMatch) {
    Referral r = changes.changeable(caller, id, ifMatch);
    Disqualification d = held(r);
    d.withdraw(changes.now());
    changes.touch(r);
    changes.append(
        AuditEvent.of(Action.DISQUALIFICATION_WITHDRAWN)
            .referral(r.id(), r.agency().code())
            .detail("disqualificationId", d.id().toString()),
        r);
    return changes.changed(caller, r);
  }

  private static void requirePositive(Referral r) {
    if (r.status() != ReferralStatus.RG_POSITIVE && r.status() != ReferralStatus.CG_POSITIVE) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "Only a case with a positive RG or CG can be disqualified; this one is "
              + r.status()
              + ".");
    }
  }

  private Disqualification held(Referral r) {
    return disqualifications
        .live(r.id())
        .filter(Disqualification::held)
        .orElseThrow(
            () ->
                new ProblemException(
                    ProblemType.CONFLICT, "No disqualification awaits a second caseworker."));
  }
}
