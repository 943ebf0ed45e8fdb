package org.nrmreferrals.referral.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.agency.Agency;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditEvent;
import org.nrmreferrals.protection.DataKeys;
import org.nrmreferrals.referral.InformationRequest;
import org.nrmreferrals.referral.InformationRequestView;
import org.nrmreferrals.referral.InformationRequests;
import org.nrmreferrals.referral.Referral;
import org.nrmreferrals.referral.casework.CaseChanges.Changed;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.ProblemType;
import org.nrmreferrals.workflow.LegalDays;
import org.nrmreferrals.workflow.ReferralStatus;
import org.nrmreferrals.workflow.Stage;

/**
 * Further information: a caseworker asks an agency at the RG or CG stage, with a due date; the
 * agency answers before it, or the request expires; the caseworker may extend it with a reason.
 * Questions and answers are sealed under the referral's data key; each step is audited without
 * their text.
 */
@ApplicationScoped
class InformationRequesting {
  private final CaseChanges changes;
  private final InformationRequests requests;
  private final DataKeys dataKeys;
  private final LegalDays days;
  private final int rgDays;
  private final int cgDays;

  InformationRequesting(
      CaseChanges changes,
      InformationRequests requests,
      DataKeys dataKeys,
      LegalDays days,
      NrmConfig config) {
    this.changes = changes;
    this.requests = requests;
    this.dataKeys = dataKeys;
    this.days = days;
    this.rgDays = config.furtherInformation().reasonableGroundsDays();
    this.cgDays = config.furtherInformation().conclusiveGroundsDays();
  }

  @Transactional
  InformationRequestView ask(Caller caller, UUID id, InformationBodies.Ask body) {
    Referral r = changes.visible(caller, id);
    Stage stage = stageOf(r);
    String askedOf = body.askedOf() == null ? r.agency().code() : body.askedOf();
    Agency agency = Agency.findById(askedOf);
    if (agency == null || !agency.isActive()) {
      throw ProblemException.invalid("askedOf", "is not an active agency; see /api/v1/agencies");
    }
    LocalDate today = days.today();
    LocalDate dueOn =
        body.dueOn() != null
            ? body.dueOn()
            : today.plusDays(stage == Stage.REASONABLE_GROUNDS ? rgDays : cgDays);
    if (!dueOn.isAfter(today)) {
      throw ProblemException.invalid("dueOn", "must be after today");
    }
    InformationRequest q =
        new InformationRequest(r.id(), stage, askedOf, caller.subject(), changes.now(), dueOn);
    changes.touch(r); // the case's row locked first, as every change does, then its key made
    q.question(sealer(r).seal(q.purpose("question"), utf8(body.question().strip())));
    q.persist();
    changes.append(
        AuditEvent.of(Action.INFORMATION_REQUESTED)
            .referral(r.id(), r.agency().code())
            .detail("requestId", q.id().toString())
            .detail("stage", stage)
            .detail("askedOf", askedOf)
            .detail("dueOn", dueOn.toString()),
        r);
    return requests.view(q);
  }

  /** The asked agency answers, before the request expires. */
  @Transactional
  InformationRequestView answer(
      Caller caller, Agency agency, UUID id, UUID requestId, InformationBodies.Answer body) {
    InformationRequest q = InformationRequest.findById(requestId);
    if (q == null || !q.referralId().equals(id) || !q.askedOf().equals(agency.code())) {
      throw ProblemException.notFound("No information request " + requestId + " asks you.");
    }
    LocalDate today = days.today();
    switch (q.state(today)) {
      case ANSWERED -> throw new ProblemException(ProblemType.CONFLICT, "It is answered already.");
      case EXPIRED ->
          throw new ProblemException(
              ProblemType.CONFLICT,
              "The request expired after " + q.dueOn() + "; the caseworker may extend it.");
      case OPEN -> {}
    }
    Referral r = Referral.findById(id);
    changes.touch(r); // the case's row locked first, as every change does, then its key made
    q.answer(
        sealer(r).seal(q.purpose("answer"), utf8(body.answer().strip())),
        caller.subject(),
        changes.now());
    changes.append(
        AuditEvent.of(Action.INFORMATION_PROVIDED)
            .referral(r.id(), r.agency().code())
            .detail("requestId", q.id().toString())
            .detail("answeredBy", agency.code()),
        r);
    return requests.view(q);
  }

  /** A later due date, open or expired, with a reason. */
  @Transactional
  Changed extend(
      Caller caller, UUID id, UUID requestId, String ifMatch, InformationBodies.Extension body) {
    Referral r = changes.changeable(caller, id, ifMatch);
    InformationRequest q = requests.find(r.id(), requestId);
    if (q.state(days.today()) == InformationRequestView.State.ANSWERED) {
      throw new ProblemException(ProblemType.CONFLICT, "It is answered already.");
    }
    if (!body.dueOn().isAfter(q.dueOn()) || !body.dueOn().isAfter(days.today())) {
      throw ProblemException.invalid("dueOn", "must be after the current due date and today");
    }
    q.extend(body.dueOn(), changes.now());
    changes.touch(r);
    changes.append(
        AuditEvent.of(Action.INFORMATION_REQUEST_EXTENDED)
            .referral(r.id(), r.agency().code())
            .detail("requestId", q.id().toString())
            .detail("dueOn", body.dueOn().toString())
            .reason(body.reason().strip()),
        r);
    return changes.changed(caller, r);
  }

  /** The stage of a case that awaits an RG or a CG decision; 409 for any other. */
  private static Stage stageOf(Referral r) {
    if (r.status() == ReferralStatus.SUBMITTED
        || (r.status() == ReferralStatus.RECONSIDERATION_REQUESTED
            && r.reconsidering() == Stage.REASONABLE_GROUNDS)) {
      return Stage.REASONABLE_GROUNDS;
    }
    if (r.status() == ReferralStatus.RG_POSITIVE
        || (r.status() == ReferralStatus.RECONSIDERATION_REQUESTED
            && r.reconsidering() == Stage.CONCLUSIVE_GROUNDS)) {
      return Stage.CONCLUSIVE_GROUNDS;
    }
    throw new ProblemException(
        ProblemType.CONFLICT,
        "Further information is asked while an RG or CG decision is awaited; the case is "
            + r.status()
            + ".");
  }

  /** The referral's data key; made now for a referral submitted without personal data. */
  private DataKeys.Sealer sealer(Referral r) {
    if (r.personalDataErasedAt() != null) {
      throw new ProblemException(ProblemType.CONFLICT, "The referral's personal data was erased.");
    }
    return dataKeys.ofOrCreate(r.id());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
