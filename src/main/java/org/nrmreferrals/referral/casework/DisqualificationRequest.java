package org.nrmreferrals.referral.casework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.nrmreferrals.referral.DisqualificationGrounds;

/** A caseworker's request to disqualify, on its grounds, with the reason. */
public record DisqualificationRequest(
    @NotNull(message = "is required: PUBLIC_ORDER or BAD_FAITH") DisqualificationGrounds grounds,
    @NotBlank(message = "must give the reason for the disqualification")
        @Size(max = 4000, message = "must be at most 4000 characters")
        String reason) {}
