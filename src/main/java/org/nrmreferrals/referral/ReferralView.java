package org.nrmreferrals.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.nrmreferrals.agency.AgencyRef;
import org.nrmreferrals.reference.Jurisdiction;
import org.nrmreferrals.workflow.CgFinding;
import org.nrmreferrals.workflow.Deadlines;
import org.nrmreferrals.workflow.LegalDays;
import org.nrmreferrals.workflow.ReferralStatus;
import org.nrmreferrals.workflow.Stage;

/**
 * A referral in full, as its referring agency, the caseworkers of its competent authority and
 * admins see it. Partners are not shown the assignee, a held decision, legal holds or duplicates.
 */
public record ReferralView(
    UUID id,
    String reference,
    ReferralKind kind,
    ReferralStatus status,
    Jurisdiction jurisdiction,
    String externalReference,
    AgencyRef referringAgency,
    String submittedBy,
    Instant submittedAt,
    String competentAuthority,
    String assignee,
    PotentialVictim potentialVictim,
    AgeAtExploitation ageAtExploitation,
    AgeGroup ageGroupAtReferral,
    boolean ageDisputed,
    AgeAssessment ageAssessment,
    boolean treatedAsChild,
    List<ImmigrationCircumstance> immigrationCircumstances,
    String childLocalAuthority,
    Exploitation exploitation,
    List<String> indicators,
    int indicatorCatalogueVersion,
    Consent consent,
    boolean consentNeeded,
    List<SupportNeed> supportNeeds,
    String account,
    LocalDate rgDecisionTargetDate,
    Instant rgDecidedAt,
    LocalDate recoveryPeriodEndsOn,
    LocalDate supportPeriodEndsOn,
    Long daysAwaitingCg,
    Instant cgDecidedAt,
    List<CgFinding> cgFindings,
    Stage reconsidering,
    ReferralStatus suspendedFrom,
    DisqualificationView disqualification,
    Support support,
    LocalDate ictgReferredOn,
    TemporaryLeave temporaryLeave,
    Boolean furtherRgRecoveryPeriod,
    PendingDecision pendingDecision,
    Instant personalDataErasedAt,
    Boolean legalHold,
    List<PossibleDuplicate> possibleDuplicates,
    List<ReconsiderationView> reconsiderationRequests,
    long version) {

  /**
   * The referral as of today, showing the assignee, a held decision, a legal hold and duplicates
   * only to those who may see them (showPendingDecision: a caseworker or admin).
   */
  public static ReferralView of(
      Referral r,
      PersonalData personal,
      LegalDays days,
      boolean showPendingDecision,
      List<PossibleDuplicate> possibleDuplicates,
      List<ReconsiderationView> reconsiderationRequests,
      DisqualificationView disqualification) {
    LocalDate disqualifiedOn =
        disqualification != null && disqualification.inEffect()
            ? days.dayOf(disqualification.confirmedAt())
            : null;
    return new ReferralView(
        r.id(),
        r.reference(),
        r.kind(),
        r.status(),
        r.jurisdiction(),
        personal == null ? null : personal.externalReference(),
        AgencyRef.from(r.agency()),
        r.submittedBy(),
        r.submittedAt(),
        r.competentAuthority(),
        showPendingDecision ? r.assignee() : null,
        r.potentialVictim(personal),
        r.ageAtExploitation(),
        r.ageGroupAtReferral(),
        r.ageDisputed(),
        r.ageAssessment(),
        r.treatedAsChild(personal == null ? null : personal.dateOfBirth(), days.today()),
        r.immigrationCircumstances(),
        r.childLocalAuthority(),
        r.exploitation(),
        r.indicators(),
        r.indicatorCatalogueVersion(),
        r.consent(),
        r.consentNeeded(),
        r.supportNeeds(),
        personal == null ? null : personal.account(),
        r.rgDecisionTargetDate(),
        r.rgDecidedAt(),
        r.recoveryPeriodEndsOn(),
        r.supportPeriodEndsOn(),
        daysAwaitingCg(r, days),
        r.cgDecidedAt(),
        r.cgFindings(),
        r.reconsidering(),
        r.suspendedFrom(),
        disqualification,
        r.kind() == ReferralKind.NRM ? Support.of(r, disqualifiedOn, days) : null,
        r.facts().ictgReferredOn(),
        r.facts().temporaryLeave(),
        r.facts().furtherRgRecoveryPeriod(),
        showPendingDecision ? r.pendingDecision() : null,
        r.personalDataErasedAt(),
        showPendingDecision ? r.legalHold() : null,
        showPendingDecision ? possibleDuplicates : null,
        reconsiderationRequests,
        r.version());
  }

  /** Whole days since the positive RG, for a case still awaiting its CG; otherwise null. */
  static Long daysAwaitingCg(Referral r, LegalDays days) {
    if (!r.awaitsCg() || r.rgDecidedAt() == null) {
      return null;
    }
    return Deadlines.daysSince(days.dayOf(r.rgDecidedAt()), days.today());
  }
}
