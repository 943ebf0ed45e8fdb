package org.nrmreferrals.protection;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed digests (HMAC-SHA256) of normalised identity, to find likely earlier referrals of the same
 * person without decrypting anything: name with date of birth, and name with each nationality.
 * Without the key a digest cannot be tested against a guessed name.
 */
@Singleton
public class BlindIndex {
  /** One digest: what it covers, the key that made it, and its hex value. */
  public record Entry(String kind, String kekId, String digest) {}

  private final KeyEncryptionKeys keks;

  BlindIndex(KeyEncryptionKeys keks) {
    this.keks = keks;
  }

  /**
   * The digests of a person under every configured key, the current key's first; {@code names} are
   * the full name and then each alias.
   */
  public List<Entry> entries(
      List<String> names, LocalDate dateOfBirth, List<String> nationalities) {
    return entries(names, dateOfBirth, nationalities, keks.blindIndexKeys());
  }

  /** The digests of a person under the current key only: what is stored. */
  public List<Entry> currentEntries(
      List<String> names, LocalDate dateOfBirth, List<String> nationalities) {
    Map.Entry<String, byte[]> current = keks.blindIndexKeys().entrySet().iterator().next();
    return entries(names, dateOfBirth, nationalities, Map.of(current.getKey(), current.getValue()));
  }

  /** The id of the key the stored digests are made with. */
  public String currentKekId() {
    return keks.currentId();
  }

  private static List<Entry> entries(
      List<String> names,
      LocalDate dateOfBirth,
      List<String> nationalities,
      Map<String, byte[]> keys) {
    Set<String> normalised = new LinkedHashSet<>();
    for (String name : names) {
      String n = normalise(name);
      if (!n.isEmpty()) {
        normalised.add(n);
      }
    }
    List<Entry> out = new ArrayList<>();
    for (Map.Entry<String, byte[]> key : keys.entrySet()) {
      for (String name : normalised) {
        if (dateOfBirth != null) {
          out.add(entry("NAME_DATE_OF_BIRTH", key, name + "|" + dateOfBirth));
        }
        for (String nationality : nationalities) {
          out.add(entry("NAME_NATIONALITY", key, name + "|" + nationality));
        }
      }
    }
    return out;
  }

  /**
   * A name reduced to what identifies it: accents and case dropped, only letters kept, its words
   * sorted (so "Pérez, José" and "jose PEREZ" agree).
   */
  static String normalise(String name) {
    if (name == null) {
      return "";
    }
    String plain =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}]+", " ")
            .trim();
    if (plain.isEmpty()) {
      return "";
    }
    String[] words = plain.split(" ");
    Arrays.sort(words);
    return String.join(" ", words);
  }

  private static Entry entry(String kind, Map.Entry<String, byte[]> key, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getValue(), "HmacSHA256"));
      mac.update((kind + ":").getBytes(StandardCharsets.UTF_8));
      byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
      return new Entry(kind, key.getKey(), HexFormat.of().formatHex(digest));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
