package org.nrmreferrals.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ProductionGuardTest {

  @Test
  void recognisesTheCommittedDevelopmentKey() throws Exception {
    assertTrue(
        ProductionGuard.isDevelopmentKey(Files.readString(Path.of("dev-keys/dev-public.pem"))));
  }

  @Test
  void acceptsAnyOtherKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder()
                .encodeToString(generator.generateKeyPair().getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    assertFalse(ProductionGuard.isDevelopmentKey(pem));
  }

  @Test
  void treatsNonPemKeysAsNotTheDevelopmentKey() {
    assertFalse(ProductionGuard.isDevelopmentKey("{\"keys\": []}"));
  }
}
