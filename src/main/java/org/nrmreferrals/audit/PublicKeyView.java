package org.nrmreferrals.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The key that verifies checkpoint signatures. */
@Schema(name = "AuditPublicKey")
public record PublicKeyView(
    @Schema(example = "Ed25519") String algorithm,
    String keyId,
    @Schema(description = "SubjectPublicKeyInfo, PEM") String publicKeyPem) {}
