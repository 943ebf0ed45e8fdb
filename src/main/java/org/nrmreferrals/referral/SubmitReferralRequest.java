package org.nrmreferrals.referral;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.nrmreferrals.reference.Jurisdiction;

/**
 * A referral as a partner agency submits it. The referring agency comes from the token, never from
 * the body; status, id, reference and the competent authority are the service's to set. The age now
 * (date of birth, else {@code ageGroupAtReferral}, else estimated age) decides consent and Duty to
 * Notify; {@code ageAtExploitation} is kept for the statistics.
 */
public record SubmitReferralRequest(
    @NotNull(message = "is required: NRM or DUTY_TO_NOTIFY") ReferralKind kind,
    @NotNull(message = "is required") Jurisdiction jurisdiction,
    @Size(max = 100, message = "must be at most 100 characters")
        @Pattern(regexp = "[\\p{Graph} ]*", message = "must be printable characters")
        String externalReference,
    @NotNull(message = "is required") @Valid PotentialVictim potentialVictim,
    @NotNull(message = "is required: ADULT, CHILD or NOT_SPECIFIED")
        AgeAtExploitation ageAtExploitation,
    AgeGroup ageGroupAtReferral,
    Boolean ageDisputed,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) // absent before V19: idempotency fingerprints
        @Size(max = 3, message = "must list at most 3 circumstances")
        List<@NotNull(message = "must not be null") ImmigrationCircumstance>
            immigrationCircumstances,
    @Pattern(
            regexp = "^[A-Z0-9][A-Z0-9_]{1,39}$",
            message = "must be the agency code of a local authority; see /api/v1/agencies")
        String childLocalAuthority,
    @NotNull(message = "is required") @Valid Exploitation exploitation,
    @Size(max = 100, message = "must list at most 100 indicators")
        List<@NotNull(message = "must not be null") String> indicators,
    @Valid Consent consent,
    @Size(max = 10, message = "must list at most 10 needs")
        List<@NotNull(message = "must not be null") SupportNeed> supportNeeds,
    @Size(max = 20000, message = "must be at most 20000 characters") String account) {

  /** Absent lists read as empty. */
  public SubmitReferralRequest {
    indicators = indicators == null ? List.of() : indicators;
    supportNeeds = supportNeeds == null ? List.of() : supportNeeds;
    immigrationCircumstances =
        immigrationCircumstances == null ? List.of() : immigrationCircumstances;
  }
}
