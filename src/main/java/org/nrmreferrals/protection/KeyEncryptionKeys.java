package org.nrmreferrals.protection;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Hkdf;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.ProblemType;

/**
 * The key-encryption keys that wrap each referral's data key: the current one from {@code NRM_KEK}
 * (a base64-encoded 256-bit key) or {@code NRM_KEK_FILE} (a file holding one), and earlier ones
 * from {@code NRM_KEK_PREVIOUS} (comma-separated), which still unwrap keys they wrapped.
 *
 * <p>Each key is known by an id: the first 8 bytes of its SHA-256, in hex, stored beside every
 * wrapped data key. A KMS plugs in here: replace this bean with one whose {@link #wrap} and {@link
 * #unwrap} call the KMS's encrypt and decrypt with a key name as the id.
 */
@Startup
@Singleton
public class KeyEncryptionKeys {
  /** SHA-256-derived id of the development key committed in application.properties. */
  static final String DEV_KEY_ID = "f65cd9212b083318";

  private static final String BLIND_INDEX_INFO = "nrm-referrals blind index v1";

  private final String currentId;
  private final Map<String, Aead> byId = new LinkedHashMap<>();
  private final Map<String, byte[]> blindIndexKeys = new LinkedHashMap<>();

  @Inject
  KeyEncryptionKeys(NrmConfig config) {
    this(config.kek(), config.kekFile(), config.kekPrevious());
  }

  KeyEncryptionKeys(Optional<String> inline, Optional<String> file, Optional<String> previousKeys) {
    this(inline, file, previousKeys, LaunchMode.current() == LaunchMode.NORMAL);
  }

  /** The keys; in production, the development key is refused. */
  KeyEncryptionKeys(
      Optional<String> inline,
      Optional<String> file,
      Optional<String> previousKeys,
      boolean production) {
    if (inline.isEmpty() && file.isEmpty()) {
      throw new IllegalStateException(
          "no key-encryption key: set NRM_KEK (base64, 256 bits) or NRM_KEK_FILE");
    }
    byte[] current = decode(inline.orElseGet(() -> read(file.get())), "NRM_KEK");
    currentId = add(current);
    if (production && isDevelopmentKey()) {
      throw new IllegalStateException(
          "the key-encryption key is the development key committed to the repository: set"
              + " NRM_KEK or NRM_KEK_FILE to a key of your own");
    }
    List<String> previous = new ArrayList<>();
    previousKeys.ifPresent(p -> previous.addAll(List.of(p.split(","))));
    for (String key : previous) {
      if (!key.isBlank()) {
        add(decode(key.trim(), "NRM_KEK_PREVIOUS"));
      }
    }
  }

  /** The id of the key new data keys are wrapped with. */
  public String currentId() {
    return currentId;
  }

  /** Wraps a data key with the current key; the context is bound to the ciphertext. */
  public byte[] wrap(byte[] dataKey, byte[] context) {
    try {
      return byId.get(currentId).encrypt(dataKey, context);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot wrap a data key", e);
    }
  }

  /** Unwraps a data key with the key that wrapped it; fails if that key is not configured. */
  public byte[] unwrap(String kekId, byte[] wrapped, byte[] context) {
    Aead kek = byId.get(kekId);
    if (kek == null) {
      // A configuration fault, not the caller's: 503, and the operator's log names the key.
      throw new ProblemException(
          ProblemType.SERVICE_UNAVAILABLE,
          "This record's data key was wrapped by key-encryption key "
              + kekId
              + ", which this instance is not configured with (NRM_KEK_PREVIOUS).");
    }
    try {
      return kek.decrypt(wrapped, context);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a wrapped data key does not verify", e);
    }
  }

  /**
   * The keys of the blind index (HMAC-SHA256), derived from each key-encryption key with HKDF, so
   * no extra secret is configured; the current key's first.
   */
  public Map<String, byte[]> blindIndexKeys() {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    keys.put(currentId, blindIndexKeys.get(currentId));
    keys.putAll(blindIndexKeys);
    return keys;
  }

  /** The ids of every configured key, the current one first. */
  public List<String> configuredIds() {
    return List.copyOf(byId.keySet());
  }

  /** Whether a key of this id is configured (current or previous). */
  public boolean knows(String kekId) {
    return byId.containsKey(kekId);
  }

  /** Whether the current key is the development key committed to the repository. */
  public boolean isDevelopmentKey() {
    return DEV_KEY_ID.equals(currentId);
  }

  private String add(byte[] key) {
    String id = idOf(key);
    try {
      byId.putIfAbsent(id, new AesGcmJce(key));
      blindIndexKeys.putIfAbsent(
          id,
          Hkdf.computeHkdf(
              "HMACSHA256",
              key,
              new byte[0],
              BLIND_INDEX_INFO.getBytes(StandardCharsets.UTF_8),
              32));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("not an AES key", e);
    }
    return id;
  }

  static String idOf(byte[] key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] decode(String base64, String name) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(name + " is not base64", e);
    }
    if (key.length != 32) {
      throw new IllegalStateException(name + " must be 256 bits (32 bytes), not " + key.length);
    }
    return key;
  }

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read NRM_KEK_FILE " + path, e);
    }
  }
}
