package org.nrmreferrals.referral.casework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Who works a case: a caseworker's {@code sub} (a caseworker takes a case by naming themself). */
public record AssignmentRequest(
    @NotBlank(message = "must name the caseworker (the token's sub)")
        @Size(max = 200, message = "must be at most 200 characters")
        String assignee) {}
