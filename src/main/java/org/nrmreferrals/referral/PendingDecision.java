package org.nrmreferrals.referral;

import java.time.Instant;
import org.nrmreferrals.workflow.ReferralStatus;

/**
 * A negative decision requested by one caseworker, held until a different caseworker confirms it.
 * Shown to caseworkers and admins only: until confirmed, no decision has been made.
 */
public record PendingDecision(ReferralStatus status, String requestedBy, Instant requestedAt) {}
