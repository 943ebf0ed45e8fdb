package org.nrmreferrals.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.nrmreferrals.reference.IsoCountry;
import org.nrmreferrals.reference.IsoLanguage;

/**
 * The person referred. Names, aliases, date of birth and contact details identify them and are
 * refused on a Duty to Notify report; the other fields are coded facts used in statistics.
 */
public record PotentialVictim(
    @Size(max = 100, message = "must be at most 100 characters") String givenName,
    @Size(max = 100, message = "must be at most 100 characters") String familyName,
    @Size(max = 10, message = "must list at most 10 aliases")
        List<
                @NotBlank(message = "must not be blank")
                @Size(max = 100, message = "must be at most 100 characters") String>
            aliases,
    @PastOrPresent(message = "must not be in the future") LocalDate dateOfBirth,
    @Min(value = 0, message = "must be from 0 to 120")
        @Max(value = 120, message = "must be from 0 to 120")
        Integer estimatedAge,
    @NotNull(message = "is required: FEMALE, MALE, OTHER or NOT_SPECIFIED") Gender gender,
    @Size(max = 5, message = "must list at most 5 nationalities")
        List<@NotNull(message = "must not be null") @IsoCountry String> nationalities,
    @IsoCountry String countryOfOrigin,
    @Size(max = 10, message = "must list at most 10 languages")
        List<@NotNull(message = "must not be null") @IsoLanguage String> languages,
    Boolean interpreterNeeded,
    @Valid ContactDetails contact) {

  /** Absent lists read as empty. */
  public PotentialVictim {
    aliases = aliases == null ? List.of() : aliases;
    nationalities = nationalities == null ? List.of() : nationalities;
    languages = languages == null ? List.of() : languages;
  }

  boolean identifiesThePerson() {
    return givenName != null
        || familyName != null
        || !aliases.isEmpty()
        || dateOfBirth != null
        || (contact != null && !contact.givesNothing());
  }
}
