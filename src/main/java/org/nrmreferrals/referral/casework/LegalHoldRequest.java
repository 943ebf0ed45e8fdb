package org.nrmreferrals.referral.casework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Places or lifts a legal hold, which blocks erasure. */
public record LegalHoldRequest(
    @NotNull(message = "must say whether the referral is held (true) or released (false)")
        Boolean hold,
    @NotBlank(message = "must give the reason")
        @Size(max = 4000, message = "must be at most 4000 characters")
        String reason) {}
