package org.nrmreferrals.referral.casework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.nrmreferrals.referral.ReconsiderationRequest;

/** The competent authority's answer to a reconsideration request, with its reason. */
public record ReconsiderationOutcome(
    @NotNull(message = "is required: ACCEPTED or DECLINED") ReconsiderationRequest.Outcome outcome,
    @NotBlank(message = "must give the reason for the outcome")
        @Size(max = 4000, message = "must be at most 4000 characters")
        String reason) {}
