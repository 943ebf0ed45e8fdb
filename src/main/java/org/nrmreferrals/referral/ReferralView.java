package org.nrmreferrals.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.nrmreferrals.agency.AgencyRef;
import org.nrmreferrals.reference.Jurisdiction;
import org.nrmreferrals.workflow.CgOutcome;
import org.nrmreferrals.workflow.Deadlines;
import org.nrmreferrals.workflow.LegalDays;
import org.nrmreferrals.workflow.ReferralStatus;
import org.nrmreferrals.workflow.Stage;

/** A referral in full, as its referring agency, caseworkers and admins see it. */
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
    PotentialVictim potentialVictim,
    AgeAtExploitation ageAtExploitation,
    Exploitation exploitation,
    List<String> indicators,
    int indicatorCatalogueVersion,
    Consent consent,
    List<SupportNeed> supportNeeds,
    String account,
    LocalDate rgDecisionDueBy,
    Instant rgDecidedAt,
    LocalDate recoveryPeriodEndsOn,
    Long daysAwaitingCg,
    Instant cgDecidedAt,
    CgOutcome cgOutcome,
    Stage reconsidering,
    List<String> flags,
    PendingDecision pendingDecision,
    Instant personalDataErasedAt,
    Boolean legalHold,
    List<PossibleDuplicate> possibleDuplicates,
    long version) {

  /** The referral as of today, showing a held decision only to those who may see it. */
  public static ReferralView of(
      Referral r,
      PersonalData personal,
      LegalDays days,
      boolean showPendingDecision,
      List<PossibleDuplicate> possibleDuplicates) {
    return new ReferralView(
        r.id(),
        r.reference(),
        r.kind(),
        r.status(),
        r.jurisdiction(),
        r.externalReference(),
        AgencyRef.from(r.agency()),
        r.submittedBy(),
        r.submittedAt(),
        r.potentialVictim(personal),
        r.ageAtExploitation(),
        r.exploitation(),
        r.indicators(),
        r.indicatorCatalogueVersion(),
        r.consent(),
        r.supportNeeds(),
        personal == null ? null : personal.account(),
        r.rgDecisionDueBy(),
        r.rgDecidedAt(),
        r.recoveryPeriodEndsOn(),
        daysAwaitingCg(r, days),
        r.cgDecidedAt(),
        r.cgOutcome(),
        r.reconsidering(),
        r.flags(),
        showPendingDecision ? r.pendingDecision() : null,
        r.personalDataErasedAt(),
        showPendingDecision ? r.legalHold() : null,
        showPendingDecision ? possibleDuplicates : null,
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
