package org.nrmreferrals.referral;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.nrmreferrals.audit.AuditEventView;

/** A referral's audit events, oldest first. */
@Schema(name = "ReferralHistory")
public record ReferralHistory(UUID referralId, List<AuditEventView> events) {}
