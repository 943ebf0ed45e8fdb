package org.nrmreferrals.referral;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The layers of an adult's informed consent. Referral consent is required for an adult NRM
 * referral; children need none.
 */
@Schema(name = "Consent")
public record Consent(
    @Schema(nullable = true) Boolean referral,
    @Schema(nullable = true) Boolean support,
    @Schema(nullable = true) Boolean policeContact) {}
