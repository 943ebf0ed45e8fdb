package org.nrmreferrals.referral.casework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.nrmreferrals.referral.ReferralFlag;

/** A request to set a flag on a referral. */
public record FlagRequest(
    @NotNull(message = "must name the flag") ReferralFlag flag,
    @NotBlank(message = "must give the reason for the flag")
        @Size(max = 4000, message = "must be at most 4000 characters")
        String reason) {}
