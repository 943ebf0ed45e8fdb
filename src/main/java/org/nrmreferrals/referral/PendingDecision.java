package org.nrmreferrals.referral;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.nrmreferrals.workflow.ReferralStatus;

/**
 * A negative decision requested by one caseworker, held until a different caseworker confirms it.
 * Shown to caseworkers and admins only: until confirmed, no decision has been made.
 */
@Schema(name = "PendingDecision")
public record PendingDecision(
    ReferralStatus status,
    @Schema(description = "The requesting caseworker (token subject)") String requestedBy,
    Instant requestedAt) {}
