package org.nrmreferrals.referral.casework;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.nrmreferrals.workflow.CgFinding;
import org.nrmreferrals.workflow.ReferralStatus;

/** A request to move a referral to another status; a positive CG names what it finds. */
public record TransitionRequest(
    @NotNull(message = "must name the status to move to") ReferralStatus to,
    @Size(max = 4000, message = "must be at most 4000 characters") String reason,
    @Size(max = 2, message = "must list at most 2 findings")
        Set<@NotNull(message = "must not be null") CgFinding> findings) {}
