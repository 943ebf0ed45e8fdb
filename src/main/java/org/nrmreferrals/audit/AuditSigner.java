package org.nrmreferrals.audit;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.nrmreferrals.NrmConfig;

/**
 * Signs checkpoints of the chain with the service's Ed25519 key ({@code
 * NRM_AUDIT_SIGNING_KEY_FILE}, PKCS#8 PEM). The packaged application refuses to start without one,
 * or with the development key committed to the repository.
 */
@Startup
@Singleton
class AuditSigner {
  /** SHA-256 of the SubjectPublicKeyInfo DER of {@code dev-keys/audit-signing-dev.pem}. */
  static final String DEV_KEY_SHA256 =
      "eb726eee50b46fbee595a6c53a4f181f3f85ca68c2661cbd68b54315c0f03224";

  private final Ed25519PrivateKeyParameters privateKey;
  private final byte[] publicKeyInfo;
  private final String keyId;

  @Inject
  AuditSigner(NrmConfig config) {
    this(config.audit().signingKeyFile(), LaunchMode.current() == LaunchMode.NORMAL);
  }

  /** The key in this PEM file; in production, the development key is refused. */
  AuditSigner(Optional<String> keyFile, boolean production) {
    String file =
        keyFile.orElseThrow(
            () ->
                refuse(
                    "no audit signing key: set NRM_AUDIT_SIGNING_KEY_FILE to an Ed25519"
                        + " PKCS#8 PEM file"));
    this.privateKey = read(file);
    Ed25519PublicKeyParameters publicKey = privateKey.generatePublicKey();
    try {
      this.publicKeyInfo =
          SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey).getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("An Ed25519 public key always encodes", e);
    }
    String fingerprint = HexFormat.of().formatHex(sha256(publicKeyInfo));
    if (production && fingerprint.equals(DEV_KEY_SHA256)) {
      throw refuse("the audit signing key is the development key committed to the repository");
    }
    this.keyId = fingerprint.substring(0, 16);
  }

  byte[] sign(byte[] message) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, privateKey);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  /** First 16 hex digits of the SHA-256 of the public key's SubjectPublicKeyInfo. */
  String keyId() {
    return keyId;
  }

  String publicKeyPem() {
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(publicKeyInfo);
    return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
  }

  private static Ed25519PrivateKeyParameters read(String file) {
    try {
      String pem = Files.readString(Path.of(file), StandardCharsets.US_ASCII);
      String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      AsymmetricKeyParameter key = PrivateKeyFactory.createKey(Base64.getDecoder().decode(base64));
      if (key instanceof Ed25519PrivateKeyParameters ed25519) {
        return ed25519;
      }
      throw refuse("the audit signing key in " + file + " is not an Ed25519 private key");
    } catch (IOException | IllegalArgumentException e) {
      throw refuse("the audit signing key in " + file + " cannot be read as PKCS#8 PEM");
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static IllegalStateException refuse(String why) {
    return new IllegalStateException("Refusing to start: " + why + ".");
  }
}
