package org.nrmreferrals.audit;

/** The key that verifies checkpoint signatures. */
public record PublicKeyView(String algorithm, String keyId, String publicKeyPem) {}
