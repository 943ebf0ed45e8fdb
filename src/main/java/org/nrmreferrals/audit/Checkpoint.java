package org.nrmreferrals.audit;

/**
 * The log of {@code seq} events, signed: the chain's hash at that seq and the RFC 9162 Merkle root
 * of the events' digests. The signature is Ed25519 over the RFC 8785 canonical JSON of {@code
 * {"hash", "keyId", "root", "seq", "signedAt"}}.
 */
public record Checkpoint(
    long seq, String hash, String root, String signedAt, String keyId, String signature) {}
