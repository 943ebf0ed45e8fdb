package org.nrmreferrals.referral.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditEvent;
import org.nrmreferrals.referral.AgeGroup;
import org.nrmreferrals.referral.Consent;
import org.nrmreferrals.referral.Referral;
import org.nrmreferrals.referral.casework.CaseChanges.Changed;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.web.ProblemException;

/**
 * A caseworker's age assessment, which ends the presumption that a possibly-child person is a
 * child, and the referring agency's record of consent, which an adult's referral needs before any
 * decision. Each is audited with its effect on consent.
 */
@ApplicationScoped
class AgeAndConsent {
  private final CaseChanges changes;

  AgeAndConsent(CaseChanges changes) {
    this.changes = changes;
  }

  /** Records the assessment; an adult who did not consent then has a consent-needed referral. */
  @Transactional
  Changed assess(Caller caller, UUID id, String ifMatch, AgeAssessmentRequest request) {
    Referral r = changes.open(caller, id, ifMatch);
    if (request.ageGroup() == AgeGroup.UNKNOWN_POSSIBLY_CHILD) {
      throw ProblemException.invalid(
          "ageGroup", "must be what the assessment found: ADULT or CHILD");
    }
    r.ageAssessed(request.ageGroup(), changes.now());
    changes.append(
        AuditEvent.of(Action.AGE_ASSESSED)
            .referral(r.id(), r.agency().code())
            .detail("ageGroup", request.ageGroup())
            .detail("consentNeeded", r.consentNeeded())
            .reason(request.reason().strip()),
        r);
    return changes.changed(caller, r);
  }

  /**
   * The referring agency records the person's consent. An adult's referral needs consent to the
   * referral itself; without it the agency withdraws the referral instead.
   */
  @Transactional
  Changed consent(Caller caller, UUID id, String ifMatch, Consent consent) {
    Referral r = changes.open(caller, id, ifMatch);
    if (!r.agency().code().equals(caller.agencyCode())) {
      throw ProblemException.forbidden("Only the referring agency may record the consent.");
    }
    boolean refuses = !Boolean.TRUE.equals(consent.referral());
    boolean hadConsent = r.consent() != null && Boolean.TRUE.equals(r.consent().referral());
    if (refuses && (r.consentNeeded() || hadConsent)) {
      throw ProblemException.invalid(
          "referral",
          "must be true: an adult's NRM referral needs consent to the referral; if the person"
              + " does not consent, withdraw the referral (and a public authority in England and"
              + " Wales submits a Duty to Notify report)");
    }
    r.consented(consent);
    changes.append(
        AuditEvent.of(Action.CONSENT_RECORDED)
            .referral(r.id(), r.agency().code())
            .detail("referral", consent.referral())
            .detail("support", consent.support())
            .detail("policeContact", consent.policeContact()),
        r);
    return changes.changed(caller, r);
  }
}
