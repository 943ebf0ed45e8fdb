package org.nrmreferrals.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.nrmreferrals.agency.AgencyRef;
import org.nrmreferrals.reference.ExploitationType;
import org.nrmreferrals.reference.Jurisdiction;
import org.nrmreferrals.workflow.LegalDays;
import org.nrmreferrals.workflow.ReferralStatus;

/**
 * A referral in a list: coded facts and the referring agency's own case reference, never what
 * identifies the person.
 */
public record ReferralSummary(
    UUID id,
    String reference,
    ReferralKind kind,
    ReferralStatus status,
    Jurisdiction jurisdiction,
    String externalReference,
    AgencyRef referringAgency,
    Instant submittedAt,
    String competentAuthority,
    String assignee,
    AgeAtExploitation ageAtExploitation,
    AgeGroup ageGroupAtReferral,
    boolean consentNeeded,
    List<String> nationalities,
    List<ExploitationType> exploitationTypes,
    LocalDate rgDecisionTargetDate,
    Long daysAwaitingCg,
    ReferralStatus pendingDecision,
    long version) {

  /**
   * The summary as of today; the assignee only for a caseworker or admin (internal). The external
   * reference is the agency's own, opened from the referral's sealed personal data.
   */
  public static ReferralSummary of(
      Referral r, String externalReference, LegalDays days, boolean internal) {
    return new ReferralSummary(
        r.id(),
        r.reference(),
        r.kind(),
        r.status(),
        r.jurisdiction(),
        externalReference,
        AgencyRef.from(r.agency()),
        r.submittedAt(),
        r.competentAuthority(),
        internal ? r.assignee() : null,
        r.ageAtExploitation(),
        r.ageGroupAtReferral(),
        r.consentNeeded(),
        r.nationalities(),
        r.exploitationTypes(),
        r.rgDecisionTargetDate(),
        ReferralView.daysAwaitingCg(r, days),
        internal && r.pendingDecision() != null ? r.pendingDecision().status() : null,
        r.version());
  }
}
