package org.nrmreferrals.referral.casework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A request to erase a referral's personal data, with the reason the law gives. */
public record ErasureRequest(
    @NotBlank(message = "must give the reason for the erasure")
        @Size(max = 4000, message = "must be at most 4000 characters")
        String reason) {}
