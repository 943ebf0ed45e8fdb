package org.nrmreferrals.audit;

/**
 * The chain's head, signed. The signature is Ed25519 over the RFC 8785 canonical JSON of {@code
 * {"hash", "keyId", "seq", "signedAt"}}.
 */
public record Checkpoint(long seq, String hash, String signedAt, String keyId, String signature) {}
