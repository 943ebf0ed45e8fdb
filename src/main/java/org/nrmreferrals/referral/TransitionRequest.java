package org.nrmreferrals.referral;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.nrmreferrals.workflow.CgOutcome;
import org.nrmreferrals.workflow.ReferralStatus;

/** A request to move a referral to another status. */
@Schema(name = "TransitionRequest")
public record TransitionRequest(
    @NotNull(message = "must name the status to move to") ReferralStatus to,
    @Schema(
            nullable = true,
            description =
                "Required for negative decisions, suspension, withdrawal and reconsideration."
                    + " Personal data: kept out of the audit event itself.")
        @Size(max = 4000, message = "must be at most 4000 characters")
        String reason,
    @Schema(nullable = true, description = "With CG_POSITIVE only; required in England and Wales")
        CgOutcome outcome) {}
