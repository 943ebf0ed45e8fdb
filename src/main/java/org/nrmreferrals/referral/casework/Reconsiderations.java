package org.nrmreferrals.referral.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.agency.Agency;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditEvent;
import org.nrmreferrals.referral.Disqualification;
import org.nrmreferrals.referral.Disqualifications;
import org.nrmreferrals.referral.ReconsiderationRequest;
import org.nrmreferrals.referral.ReconsiderationRequests;
import org.nrmreferrals.referral.ReconsiderationView;
import org.nrmreferrals.referral.ReconsideredDecision;
import org.nrmreferrals.referral.Referral;
import org.nrmreferrals.referral.ReferralKind;
import org.nrmreferrals.referral.casework.CaseChanges.Changed;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.ProblemType;
import org.nrmreferrals.workflow.Deadlines;
import org.nrmreferrals.workflow.LegalDays;
import org.nrmreferrals.workflow.ReferralStatus;

/**
 * Reconsideration: the referring agency, or a support provider acting for the person, asks within
 * the window after a negative decision; a caseworker of the owning authority accepts (the decision
 * is taken again) or declines (it stands, and no decision is counted). Each step is audited.
 */
@ApplicationScoped
class Reconsiderations {
  private final CaseChanges changes;
  private final ReconsiderationRequests requests;
  private final Disqualifications disqualifications;
  private final LegalDays days;
  private final Deadlines deadlines;
  private final int windowDays;

  Reconsiderations(
      CaseChanges changes,
      ReconsiderationRequests requests,
      Disqualifications disqualifications,
      LegalDays days,
      Deadlines deadlines,
      NrmConfig config) {
    this.changes = changes;
    this.requests = requests;
    this.disqualifications = disqualifications;
    this.days = days;
    this.deadlines = deadlines;
    this.windowDays = config.reconsideration().windowDays();
  }

  /** Records a request on the case's negative decision or disqualification. */
  @Transactional
  ReconsiderationView request(Caller caller, Agency agency, UUID id, ReconsiderationBody body) {
    Referral r = askable(agency, id, body.reference());
    ReconsideredDecision decision = reconsiderable(r);
    if (requests.pending(r.id()).isPresent()) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "A reconsideration request awaits the competent authority already.");
    }
    Instant decidedAt =
        switch (decision) {
          case RG_NEGATIVE -> r.rgDecidedAt();
          case CG_NEGATIVE -> r.cgDecidedAt();
          case DISQUALIFICATION -> inEffect(r).confirmedAt();
        };
    LocalDate decidedOn = days.dayOf(decidedAt == null ? r.statusSince() : decidedAt);
    LocalDate dueBy = decidedOn.plusDays(windowDays);
    boolean late = days.today().isAfter(dueBy);
    if (late && !Boolean.TRUE.equals(body.exceptionalCircumstances())) {
      throw ProblemException.tooLate(
          "exceptionalCircumstances",
          "a request was due by "
              + dueBy
              + ", "
              + windowDays
              + " days after the decision of "
              + decidedOn
              + "; a later one needs exceptional circumstances (true), set out in the reason",
          dueBy);
    }
    ReconsiderationRequest q =
        new ReconsiderationRequest(
            r.id(),
            decision,
            decidedOn,
            dueBy,
            changes.now(),
            caller.subject(),
            agency.code(),
            List.copyOf(body.grounds()),
            late);
    changes.insert(q, "A reconsideration request awaits the competent authority already.");
    changes.touch(r);
    changes.append(
        AuditEvent.of(Action.RECONSIDERATION_REQUESTED)
            .referral(r.id(), r.agency().code())
            .detail("requestId", q.id().toString())
            .detail("decision", q.decision())
            .detail("grounds", body.grounds().stream().map(Enum::name).sorted().toList())
            .detail("exceptionalCircumstances", late)
            .detail("requestingAgency", agency.code())
            .reason(body.reason().strip()),
        r);
    return ReconsiderationView.of(q);
  }

  /**
   * Accepts or declines a pending request. Accepting one on a negative decision reopens it (the
   * case moves to RECONSIDERATION_REQUESTED); on a disqualification, sets it aside. Declining
   * leaves everything as it was.
   */
  @Transactional
  Changed decide(
      Caller caller, UUID id, UUID requestId, String ifMatch, ReconsiderationOutcome body) {
    Referral r = changes.changeable(caller, id, ifMatch);
    ReconsiderationRequest q = requests.find(r.id(), requestId);
    if (q.outcome() != null) {
      throw new ProblemException(
          ProblemType.CONFLICT, "The request was " + q.outcome() + " already.");
    }
    q.decide(body.outcome(), caller.subject(), changes.now());
    ReferralStatus from = r.status();
    boolean accepted = body.outcome() == ReconsiderationRequest.Outcome.ACCEPTED;
    boolean reopens = accepted && q.decision() != ReconsideredDecision.DISQUALIFICATION;
    if (reopens) {
      r.moveTo(
          ReferralStatus.RECONSIDERATION_REQUESTED, null, changes.now(), days.today(), deadlines);
    } else {
      changes.touch(r);
    }
    changes.append(
        AuditEvent.of(Action.RECONSIDERATION_DECIDED)
            .referral(r.id(), r.agency().code())
            .detail("requestId", q.id().toString())
            .detail("decision", q.decision())
            .detail("outcome", body.outcome())
            .reason(body.reason().strip()),
        r);
    if (accepted && !reopens) {
      inEffect(r).setAside(changes.now());
      changes.append(
          AuditEvent.of(Action.DISQUALIFICATION_SET_ASIDE)
              .referral(r.id(), r.agency().code())
              .detail("requestId", q.id().toString()),
          r);
    }
    if (reopens) {
      changes.append(
          AuditEvent.of(Action.STATUS_CHANGED)
              .referral(r.id(), r.agency().code())
              .statuses(from, ReferralStatus.RECONSIDERATION_REQUESTED)
              .detail("requestId", q.id().toString()),
          r);
    }
    return changes.changed(caller, r);
  }

  /** What a request on the case would reconsider: its negative decision or its disqualification. */
  private ReconsideredDecision reconsiderable(Referral r) {
    if (r.status() == ReferralStatus.RG_NEGATIVE) {
      return ReconsideredDecision.RG_NEGATIVE;
    }
    if (r.status() == ReferralStatus.CG_NEGATIVE) {
      return ReconsideredDecision.CG_NEGATIVE;
    }
    if (disqualifications.live(r.id()).filter(Disqualification::inEffect).isPresent()) {
      return ReconsideredDecision.DISQUALIFICATION;
    }
    throw new ProblemException(
        ProblemType.CONFLICT,
        "Only a negative RG or CG decision, or a disqualification in effect, can be reconsidered;"
            + " the case is "
            + r.status()
            + ".");
  }

  private Disqualification inEffect(Referral r) {
    return disqualifications
        .live(r.id())
        .filter(Disqualification::inEffect)
        .orElseThrow(
            () ->
                new ProblemException(
                    ProblemType.CONFLICT, "The disqualification is no longer in effect."));
  }

  /** One request, to the agency that made it or to those who may see the case. */
  ReconsiderationView one(Caller caller, Agency agency, UUID id, UUID requestId) {
    ReconsiderationRequest q = ReconsiderationRequest.findById(requestId);
    boolean requester = agency != null && q != null && agency.code().equals(q.requestingAgency());
    if (!requester) {
      changes.visible(caller, id);
    }
    return ReconsiderationView.of(requests.find(id, requestId));
  }

  /**
   * The case a partner may ask about: its own agency's, or any NRM case for a support provider
   * acting for the person; otherwise 404 as for any case the partner cannot see.
   */
  private static Referral askable(Agency agency, UUID id, String reference) {
    Referral r = Referral.findById(id);
    boolean own = r != null && r.agency().code().equals(agency.code());
    // A support provider acts for the person, who gives it the reference on their decision letter.
    boolean forThePerson =
        r != null && agency.isSupportProvider() && r.reference().equals(reference);
    if (r == null || r.kind() != ReferralKind.NRM || !(own || forThePerson)) {
      throw ProblemException.notFound("No referral " + id + " is visible to you.");
    }
    return r;
  }
}
