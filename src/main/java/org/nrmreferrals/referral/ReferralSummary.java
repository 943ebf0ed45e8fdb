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

/** A referral in a list: coded facts only, never personal data. */
public record ReferralSummary(
    UUID id,
    String reference,
    ReferralKind kind,
    ReferralStatus status,
    Jurisdiction jurisdiction,
    String externalReference,
    AgencyRef referringAgency,
    Instant submittedAt,
    AgeAtExploitation ageAtExploitation,
    List<String> nationalities,
    List<ExploitationType> exploitationTypes,
    LocalDate rgDecisionDueBy,
    Long daysAwaitingCg,
    List<String> flags,
    long version) {

  static ReferralSummary of(Referral r, LegalDays days) {
    return new ReferralSummary(
        r.id(),
        r.reference(),
        r.kind(),
        r.status(),
        r.jurisdiction(),
        r.externalReference(),
        AgencyRef.from(r.agency()),
        r.submittedAt(),
        r.ageAtExploitation(),
        r.nationalities(),
        r.exploitationTypes(),
        r.rgDecisionDueBy(),
        ReferralView.daysAwaitingCg(r, days),
        r.flags(),
        r.version());
  }
}
