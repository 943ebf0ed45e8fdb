package org.nrmreferrals.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.nrmreferrals.agency.AgencyRef;

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
    @Schema(description = "Changes with every update; the ETag carries it") long version) {

  static ReferralView of(Referral r, PersonalData personal) {
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
        r.version());
  }
}
