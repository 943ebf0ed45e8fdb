package org.nrmreferrals.referral;

import java.util.List;
import java.util.UUID;
import org.nrmreferrals.audit.AuditEventView;

/** A referral's audit events, oldest first. */
public record ReferralHistory(UUID referralId, List<AuditEventView> events) {}
