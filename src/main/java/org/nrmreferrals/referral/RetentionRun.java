package org.nrmreferrals.referral;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an erasure run of the retention policy did. */
@Schema(name = "RetentionRun")
public record RetentionRun(
    Instant asOf,
    @Schema(description = "Referrals whose personal data was erased by this run") long erased,
    @Schema(description = "Referrals still due (locked by another instance's run)") long due,
    @Schema(description = "Referrals past their period but kept by a legal hold")
        long onLegalHold) {}
