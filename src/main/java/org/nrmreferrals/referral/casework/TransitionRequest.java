package org.nrmreferrals.referral.casework;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.nrmreferrals.workflow.CgOutcome;
import org.nrmreferrals.workflow.ReferralStatus;

/** A request to move a referral to another status. */
public record TransitionRequest(
    @NotNull(message = "must name the status to move to") ReferralStatus to,
    @Size(max = 4000, message = "must be at most 4000 characters") String reason,
    CgOutcome outcome) {}
