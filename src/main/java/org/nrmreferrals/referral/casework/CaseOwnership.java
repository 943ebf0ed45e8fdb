package org.nrmreferrals.referral.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditEvent;
import org.nrmreferrals.authority.AuthorityKind;
import org.nrmreferrals.authority.AuthorityRegistry;
import org.nrmreferrals.authority.CompetentAuthority;
import org.nrmreferrals.referral.PersonalData;
import org.nrmreferrals.referral.PersonalDataStore;
import org.nrmreferrals.referral.Referral;
import org.nrmreferrals.referral.casework.CaseChanges.Changed;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.ProblemType;
import org.nrmreferrals.workflow.LegalDays;

/**
 * Who owns and works a case: transfer to another competent authority (the deadlines carry on), and
 * assignment to a caseworker of the owning authority. Each change is audited.
 */
@ApplicationScoped
class CaseOwnership {
  private final CaseChanges changes;
  private final AuthorityRegistry authorities;
  private final PersonalDataStore personalData;
  private final LegalDays days;

  CaseOwnership(
      CaseChanges changes,
      AuthorityRegistry authorities,
      PersonalDataStore personalData,
      LegalDays days) {
    this.changes = changes;
    this.authorities = authorities;
    this.personalData = personalData;
    this.days = days;
  }

  /** Hands an open case to another active authority; a child panel takes only children. */
  @Transactional
  Changed transfer(Caller caller, UUID id, String ifMatch, TransferRequest request) {
    Referral r = changes.open(caller, id, ifMatch);
    CompetentAuthority to = authorities.active("to", request.to());
    if (to.code().equals(r.competentAuthority())) {
      throw ProblemException.invalid("to", "is the authority that owns the case already");
    }
    if (r.pendingDecision() != null) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "A decision awaits a second caseworker here; confirm or withdraw it before a transfer.");
    }
    PersonalData p = personalData.find(r.id());
    if (to.kind() == AuthorityKind.CHILD_PANEL
        && !r.treatedAsChild(p == null ? null : p.dateOfBirth(), days.today())) {
      throw ProblemException.invalid("to", "is a child panel, and the person is an adult");
    }
    String from = r.competentAuthority();
    r.transferTo(to.code());
    changes.append(
        AuditEvent.of(Action.CASE_TRANSFERRED)
            .referral(r.id(), r.agency().code())
            .detail("from", from)
            .detail("to", to.code())
            .reason(request.reason().strip()),
        r);
    return changes.changed(caller, r);
  }

  /** Gives the case to a caseworker ({@code sub}): the caller takes it by naming themself. */
  @Transactional
  Changed assign(Caller caller, UUID id, String ifMatch, AssignmentRequest request) {
    Referral r = changes.open(caller, id, ifMatch);
    String assignee = request.assignee().strip();
    String before = r.assignee();
    if (!r.assign(assignee, changes.now())) {
      throw new ProblemException(ProblemType.CONFLICT, "The case is assigned to them already.");
    }
    changes.append(
        AuditEvent.of(Action.CASE_ASSIGNED)
            .referral(r.id(), r.agency().code())
            .detail("assignee", assignee)
            .detail("previousAssignee", before),
        r);
    return changes.changed(caller, r);
  }

  /** Hands the case back: nobody works it until someone takes it. */
  @Transactional
  Changed unassign(Caller caller, UUID id, String ifMatch) {
    Referral r = changes.changeable(caller, id, ifMatch);
    String before = r.assignee();
    if (before == null) {
      throw new ProblemException(ProblemType.CONFLICT, "Nobody is assigned to the case.");
    }
    r.unassign();
    changes.append(
        AuditEvent.of(Action.CASE_UNASSIGNED)
            .referral(r.id(), r.agency().code())
            .detail("previousAssignee", before),
        r);
    return changes.changed(caller, r);
  }
}
