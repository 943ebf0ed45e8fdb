package org.nrmreferrals.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit signing key: required, and the committed development key refused in production. */
class AuditSignerTest {
  private static final Optional<String> DEV_KEY = Optional.of("dev-keys/audit-signing-dev.pem");

  @Test
  void refusesToStartWithoutAKey() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new AuditSigner(Optional.empty(), true));
    assertEquals(
        "Refusing to start: no audit signing key: set NRM_AUDIT_SIGNING_KEY_FILE to an Ed25519"
            + " PKCS#8 PEM file.",
        e.getMessage());
  }

  @Test
  void refusesTheCommittedDevelopmentKeyInProduction() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new AuditSigner(DEV_KEY, true));
    assertEquals(
        "Refusing to start: the audit signing key is the development key committed to the"
            + " repository.",
        e.getMessage());
  }

  @Test
  void acceptsTheDevelopmentKeyOutsideProductionAndAKeyOfOneselfInIt(@TempDir Path tmp)
      throws Exception {
    assertEquals(16, new AuditSigner(DEV_KEY, false).keyId().length());
    Path own = tmp.resolve("own.pem");
    Files.writeString(
        own,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder()
                .encodeToString(
                    KeyPairGenerator.getInstance("Ed25519")
                        .generateKeyPair()
                        .getPrivate()
                        .getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    AuditSigner signer = new AuditSigner(Optional.of(own.toString()), true);
    assertEquals(64, signer.sign(new byte[] {1, 2, 3}).length);
  }
}
