package org.nrmreferrals.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The chain's head, signed. The signature is Ed25519 over the RFC 8785 canonical JSON of {@code
 * {"hash", "keyId", "seq", "signedAt"}}.
 */
@Schema(name = "AuditCheckpoint")
public record Checkpoint(
    long seq,
    String hash,
    @Schema(description = "UTC, always six fractional digits, exactly as signed") String signedAt,
    String keyId,
    @Schema(description = "Base64 Ed25519 signature") String signature) {}
