package org.nrmreferrals.referral.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditEvent;
import org.nrmreferrals.audit.AuditQueries;
import org.nrmreferrals.audit.AuditTrail;
import org.nrmreferrals.protection.DataKeys;
import org.nrmreferrals.referral.LikelyDuplicates;
import org.nrmreferrals.referral.PendingDecision;
import org.nrmreferrals.referral.PersonalData;
import org.nrmreferrals.referral.PersonalDataStore;
import org.nrmreferrals.referral.Referral;
import org.nrmreferrals.referral.ReferralQueries;
import org.nrmreferrals.referral.ReferralView;
import org.nrmreferrals.referral.SealedText;
import org.nrmreferrals.referral.casework.CaseChanges.Changed;
import org.nrmreferrals.referral.duplicates.Duplicates;
import org.nrmreferrals.referral.intake.IdempotencyRecords;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.ProblemType;
import org.nrmreferrals.workflow.Actor;
import org.nrmreferrals.workflow.CgFinding;
import org.nrmreferrals.workflow.Deadlines;
import org.nrmreferrals.workflow.LegalDays;
import org.nrmreferrals.workflow.ReferralStatus;
import org.nrmreferrals.workflow.Transition;
import org.nrmreferrals.workflow.Workflow;

/**
 * Moves referrals through the workflow table, applying the rules the table cannot express, and
 * records each change in the audit trail in the same transaction.
 */
@ApplicationScoped
public class ReferralWorkflow {
  private final ReferralQueries queries;
  private final AuditTrail audit;
  private final AuditQueries events;
  private final Deadlines deadlines;
  private final LegalDays days;
  private final DataKeys dataKeys;
  private final PersonalDataStore personalData;
  private final IdempotencyRecords idempotency;
  private final Duplicates duplicates;
  private final LikelyDuplicates likelyDuplicates;
  private final CaseChanges changes;

  private final SealedText sealedText;

  ReferralWorkflow(
      ReferralQueries queries,
      AuditTrail audit,
      AuditQueries events,
      Deadlines deadlines,
      LegalDays days,
      DataKeys dataKeys,
      PersonalDataStore personalData,
      IdempotencyRecords idempotency,
      Duplicates duplicates,
      LikelyDuplicates likelyDuplicates,
      CaseChanges changes,
      SealedText sealedText) {
    this.sealedText = sealedText;
    this.duplicates = duplicates;
    this.likelyDuplicates = likelyDuplicates;
    this.dataKeys = dataKeys;
    this.personalData = personalData;
    this.idempotency = idempotency;
    this.queries = queries;
    this.audit = audit;
    this.events = events;
    this.deadlines = deadlines;
    this.days = days;
    this.changes = changes;
  }

  /** Makes (or, for a negative decision, requests) the transition. */
  @Transactional
  Changed transition(Caller caller, UUID id, String ifMatch, TransitionRequest request) {
    Referral r = changeable(caller, id, ifMatch);
    Transition t = allowedTransition(r, request.to());
    if (t.byAcceptingARequest()) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "A decision is reopened only by accepting a reconsideration request: the referring"
              + " agency or a support provider asks (POST .../reconsideration-requests), the"
              + " competent authority accepts or declines it (POST .../reconsideration-requests"
              + "/{requestId}/outcome).");
    }
    requireActor(caller, r, t.by());
    if (r.pendingDecision() != null && t.to() != ReferralStatus.WITHDRAWN) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "A "
              + r.pendingDecision().status()
              + " decision awaits a second caseworker; confirm or withdraw it first.");
    }
    String reason = TransitionRules.reason(t, request.reason());
    TransitionRules.check(r, t, request.findings(), days.today(), dateOfBirth(r));
    AuditEvent event =
        AuditEvent.of(t.secondCaseworker() ? Action.DECISION_REQUESTED : Action.STATUS_CHANGED)
            .referral(r.id(), r.agency().code())
            .statuses(r.status(), t.to())
            .detail("findings", findings(request.findings()))
            .reason(reason);
    if (t.secondCaseworker()) {
      r.holdDecision(t.to(), caller.subject(), now());
    } else {
      r.moveTo(t.to(), request.findings(), now(), days.today(), deadlines);
    }
    append(event, r);
    return changed(caller, r);
  }

  /** A different caseworker confirms a held negative decision, which then takes effect. */
  @Transactional
  Changed confirm(Caller caller, UUID id, String ifMatch) {
    Referral r = changeable(caller, id, ifMatch);
    PendingDecision pending = pendingOf(r);
    if (pending.requestedBy().equals(caller.subject())) {
      throw new ProblemException(
          ProblemType.SECOND_CASEWORKER_REQUIRED,
          "You requested this decision; a different caseworker must confirm it.");
    }
    TransitionRules.check(
        r, allowedTransition(r, pending.status()), null, days.today(), dateOfBirth(r));
    ReferralStatus from = r.status();
    String request = events.lastDigest(r.id(), Action.DECISION_REQUESTED);
    r.moveTo(pending.status(), null, now(), days.today(), deadlines);
    append(
        AuditEvent.of(Action.STATUS_CHANGED)
            .referral(r.id(), r.agency().code())
            .statuses(from, pending.status())
            .detail("confirmsEvent", request),
        r);
    return changed(caller, r);
  }

  /** Either caseworker withdraws a held negative decision; the status does not change. */
  @Transactional
  Changed withdrawPending(Caller caller, UUID id, String ifMatch) {
    Referral r = changeable(caller, id, ifMatch);
    PendingDecision pending = pendingOf(r);
    String request = events.lastDigest(r.id(), Action.DECISION_REQUESTED);
    r.dropPendingDecision();
    append(
        AuditEvent.of(Action.DECISION_WITHDRAWN)
            .referral(r.id(), r.agency().code())
            .statuses(r.status(), pending.status())
            .detail("withdrawsEvent", request),
        r);
    return changed(caller, r);
  }

  /**
   * Erases the referral's personal data by destroying its data key (crypto-shredding): names,
   * contact details and account become unrecoverable, in the database and in every backup, while
   * the coded facts, statistics and the audit trail stay as they are.
   */
  @Transactional
  Changed erase(Caller caller, UUID id, String ifMatch, ErasureRequest request) {
    Referral r = changeable(caller, id, ifMatch);
    if (r.legalHold()) {
      throw new ProblemException(
          ProblemType.CONFLICT, "The referral is under a legal hold; release it first.");
    }
    if (r.personalDataErasedAt() != null) {
      throw new ProblemException(
          ProblemType.CONFLICT, "The referral's personal data was erased already.");
    }
    shred(r, AuditEvent.of(Action.PERSONAL_DATA_ERASED).reason(request.reason().strip()));
    return changed(caller, r);
  }

  /**
   * Erases a referral whose retention period has ended, in the caller's transaction (the row locked
   * by it); the event names the period and the status it ran from.
   */
  public void eraseAfterRetention(Referral r, Period period) {
    shred(
        r,
        AuditEvent.of(Action.PERSONAL_DATA_ERASED)
            .detail("retentionPeriod", period.toString())
            .detail("afterStatus", r.status())
            .reason("The retention period of " + period + " after " + r.status() + " ended."));
  }

  private void shred(Referral r, AuditEvent event) {
    boolean hadKey = dataKeys.destroy(r.id());
    personalData.forget(r.id());
    sealedText.forgetClearText(r.id());
    duplicates.erase(r.id());
    r.personalDataErased(now());
    append(event.referral(r.id(), r.agency().code()).detail("dataKeyDestroyed", hadKey), r);
    idempotency.replaceResponses(r.id(), ReferralView.of(r, null, days, false, null, null, null));
  }

  /**
   * A caseworker confirms or dismisses a likely duplicate pair; audited without naming any agency,
   * so neither referring partner learns of the other.
   */
  @Transactional
  Changed decideDuplicate(Caller caller, UUID id, UUID otherId, DuplicateDecisionRequest request) {
    Referral r = queries.visible(caller, id);
    queries.visible(caller, otherId);
    if (!likelyDuplicates.decide(id, otherId, request.decision().name(), caller.subject())) {
      throw ProblemException.notFound(
          "Referral " + otherId + " is not recorded as a likely duplicate of " + id + ".");
    }
    audit.append(
        changes.withSealedReason(
            AuditEvent.of(Action.DUPLICATE_DECIDED)
                .detail("referralId", id.toString())
                .detail("otherReferralId", otherId.toString())
                .detail("decision", request.decision())
                .reason(request.reason().strip()),
            r));
    return changed(caller, r);
  }

  /** Places or lifts a legal hold, which blocks erasure (by request or by retention). */
  @Transactional
  Changed legalHold(Caller caller, UUID id, String ifMatch, LegalHoldRequest request) {
    Referral r = changeable(caller, id, ifMatch);
    if (!r.legalHold(request.hold())) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          request.hold() ? "The referral is under a legal hold already." : "No legal hold is set.");
    }
    append(
        AuditEvent.of(request.hold() ? Action.LEGAL_HOLD_SET : Action.LEGAL_HOLD_RELEASED)
            .referral(r.id(), r.agency().code())
            .reason(request.reason().strip()),
        r);
    return changed(caller, r);
  }

  private static Transition allowedTransition(Referral r, ReferralStatus to) {
    return Workflow.find(r.status(), to, r.reconsidering(), r.suspendedFrom())
        .orElseThrow(
            () ->
                ProblemException.illegalTransition(
                    "A referral in "
                        + r.status()
                        + " cannot move to "
                        + to
                        + "; allowedTransitions lists the moves it can make.",
                    Workflow.allowed(r.status(), r.reconsidering(), r.suspendedFrom()).stream()
                        .map(t -> t.to().name())
                        .toList()));
  }

  private static void requireActor(Caller caller, Referral r, Actor actor) {
    boolean allowed =
        switch (actor) {
          case CASEWORKER -> caller.isCaseworker();
          case REFERRING_AGENCY ->
              caller.isPartner() && r.agency().code().equals(caller.agencyCode());
        };
    if (!allowed) {
      throw ProblemException.forbidden(
          actor == Actor.CASEWORKER
              ? "Only a caseworker may make this decision."
              : "Only the referring agency may ask for this.");
    }
  }

  /** The date of birth where the referral holds one (not erased), for the age now. */
  private LocalDate dateOfBirth(Referral r) {
    PersonalData p = personalData.find(r.id());
    return p == null ? null : p.dateOfBirth();
  }

  /** The findings in a stable order for the audit trail, or null when none were given. */
  private static List<String> findings(Set<CgFinding> findings) {
    return findings == null || findings.isEmpty()
        ? null
        : findings.stream().map(Enum::name).sorted().toList();
  }

  private static PendingDecision pendingOf(Referral r) {
    PendingDecision pending = r.pendingDecision();
    if (pending == null) {
      throw new ProblemException(ProblemType.CONFLICT, "No decision is awaiting confirmation.");
    }
    return pending;
  }

  private Referral changeable(Caller caller, UUID id, String ifMatch) {
    return changes.changeable(caller, id, ifMatch);
  }

  private void append(AuditEvent event, Referral r) {
    changes.append(event, r);
  }

  private Changed changed(Caller caller, Referral r) {
    return changes.changed(caller, r);
  }

  private Instant now() {
    return changes.now();
  }
}
