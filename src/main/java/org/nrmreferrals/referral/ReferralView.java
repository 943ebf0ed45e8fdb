package org.nrmreferrals.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.nrmreferrals.agency.AgencyRef;
import org.nrmreferrals.reference.Jurisdiction;
import org.nrmreferrals.workflow.CgOutcome;
import org.nrmreferrals.workflow.Deadlines;
import org.nrmreferrals.workflow.LegalDays;
import org.nrmreferrals.workflow.ReferralStatus;
import org.nrmreferrals.workflow.Stage;

/** A referral in full, as its referring agency, caseworkers and admins see it. */
@Schema(name = "Referral")
public record ReferralView(
    UUID id,
    @Schema(example = "NRM-2026-000123") String reference,
    ReferralKind kind,
    ReferralStatus status,
    Jurisdiction jurisdiction,
    @Schema(nullable = true) String externalReference,
    AgencyRef referringAgency,
    @Schema(description = "The person who submitted it (token subject)") String submittedBy,
    Instant submittedAt,
    PotentialVictim potentialVictim,
    AgeAtExploitation ageAtExploitation,
    Exploitation exploitation,
    List<String> indicators,
    int indicatorCatalogueVersion,
    Consent consent,
    List<SupportNeed> supportNeeds,
    @Schema(nullable = true, description = "Free-text account; personal data") String account,
    @Schema(nullable = true, description = "Due date of the RG decision (NRM referrals)")
        LocalDate rgDecisionDueBy,
    @Schema(nullable = true) Instant rgDecidedAt,
    @Schema(nullable = true, description = "From a positive RG; the earliest day for the CG")
        LocalDate recoveryPeriodEndsOn,
    @Schema(nullable = true, description = "Days since the positive RG, while awaiting the CG")
        Long daysAwaitingCg,
    @Schema(nullable = true) Instant cgDecidedAt,
    @Schema(nullable = true) CgOutcome cgOutcome,
    @Schema(nullable = true, description = "The decision a reconsideration returns to")
        Stage reconsidering,
    List<String> flags,
    @Schema(description = "Caseworkers and admins only: a negative decision awaiting confirmation")
        PendingDecision pendingDecision,
    @Schema(
            nullable = true,
            description =
                "When the personal data was erased (its data key destroyed); names, contact"
                    + " details and account are then absent for good")
        Instant personalDataErasedAt,
    @Schema(
            nullable = true,
            description = "Caseworkers and admins only: whether a legal hold blocks erasure")
        Boolean legalHold,
    @Schema(
            nullable = true,
            description =
                "Caseworkers and admins only: other referrals likely of the same person (blind"
                    + " index of name with date of birth or nationality)")
        List<PossibleDuplicate> possibleDuplicates,
    @Schema(description = "Changes with every update; the ETag carries it") long version) {

  /** The referral as of today, showing a held decision only to those who may see it. */
  static ReferralView of(
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
