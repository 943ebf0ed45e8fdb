package org.nrmreferrals.referral.casework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A request to hand a case to another competent authority. */
public record TransferRequest(
    @NotNull(message = "must name the receiving competent authority, e.g. IECA") String to,
    @NotBlank(message = "must give the reason for the transfer")
        @Size(max = 4000, message = "must be at most 4000 characters")
        String reason) {}
