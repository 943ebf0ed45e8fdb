package org.nrmreferrals.protection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.ProblemType;

/** Wrapping under the current key, unwrapping under earlier ones, and a key not configured. */
class KeyEncryptionKeysTest {
  /** Not the development key: outside Quarkus the launch mode reads as production. */
  private static final String EARLIER = "3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

  private static final byte[] CONTEXT = "nrm-data-key:x".getBytes(StandardCharsets.UTF_8);

  @Test
  void earlierKeysUnwrapAndAnUnknownKeyIsAServiceFaultNotACrash() {
    KeyEncryptionKeys old =
        new KeyEncryptionKeys(Optional.of(EARLIER), Optional.empty(), Optional.empty());
    KeyEncryptionKeys both =
        new KeyEncryptionKeys(
            Optional.of(KeyRotationTest.NEW), Optional.empty(), Optional.of(EARLIER));
    KeyEncryptionKeys onlyNew =
        new KeyEncryptionKeys(Optional.of(KeyRotationTest.NEW), Optional.empty(), Optional.empty());
    byte[] dataKey = new byte[32];
    dataKey[0] = 7;
    byte[] wrapped = old.wrap(dataKey, CONTEXT);

    assertArrayEquals(dataKey, both.unwrap(old.currentId(), wrapped, CONTEXT));
    ProblemException e =
        assertThrows(
            ProblemException.class, () -> onlyNew.unwrap(old.currentId(), wrapped, CONTEXT));
    assertEquals(ProblemType.SERVICE_UNAVAILABLE, e.type());
    assertThrows(
        IllegalStateException.class,
        () -> new KeyEncryptionKeys(Optional.of("c2hvcnQ="), Optional.empty(), Optional.empty()));
  }

  @Test
  void refusesToStartWithoutAKey() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                new KeyEncryptionKeys(Optional.empty(), Optional.empty(), Optional.empty(), true));
    assertEquals(
        "no key-encryption key: set NRM_KEK (base64, 256 bits) or NRM_KEK_FILE", e.getMessage());
  }

  @Test
  void refusesTheCommittedDevelopmentKeyInProductionOnly() {
    Optional<String> dev = Optional.of("qeHlkOTN7wcrtJnri/qyxwTie8xx3Y7pGjIh+BN30TY=");
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> new KeyEncryptionKeys(dev, Optional.empty(), Optional.empty(), true));
    assertTrue(
        e.getMessage()
            .startsWith(
                "the key-encryption key is the development key committed to the repository"),
        e.getMessage());
    assertTrue(
        new KeyEncryptionKeys(dev, Optional.empty(), Optional.empty(), false).isDevelopmentKey());
    assertFalse(
        new KeyEncryptionKeys(Optional.of(EARLIER), Optional.empty(), Optional.empty(), true)
            .isDevelopmentKey());
  }
}
