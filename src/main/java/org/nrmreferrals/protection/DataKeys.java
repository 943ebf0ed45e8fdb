package org.nrmreferrals.protection;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Random;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.nrmreferrals.Jdbc;

/**
 * One data key per referral (AES-256-GCM), kept only wrapped by a key-encryption key in {@code
 * referral_data_key}. Whatever personal data of the referral is stored, it is sealed with this key;
 * destroying the row makes all of it unreadable at once.
 */
@ApplicationScoped
public class DataKeys {
  private final EntityManager em;
  private final KeyEncryptionKeys keks;

  DataKeys(EntityManager em, KeyEncryptionKeys keks) {
    this.em = em;
    this.keks = keks;
  }

  /** A new data key for a referral, stored wrapped; in the caller's transaction. */
  public Sealer create(UUID referralId) {
    return insert(referralId, "");
  }

  /**
   * Makes and stores a wrapped data key; null when {@code onConflict} let another caller's key
   * stand.
   */
  private Sealer insert(UUID referralId, String onConflict) {
    byte[] key = Random.randBytes(32);
    String kek = keks.currentId();
    byte[] wrapped = keks.wrap(key, context(referralId));
    int made =
        Jdbc.update(
            em,
            "insert into referral_data_key (referral_id, kek_id, wrapped_key) values (?, ?, ?)"
                + onConflict,
            s -> {
              s.setObject(1, referralId);
              s.setString(2, kek);
              s.setBytes(3, wrapped);
            });
    return made == 1 ? sealer(referralId, key) : null;
  }

  /**
   * The referral's data key, made now if it never had one (a referral submitted without personal
   * data), in the caller's transaction. Never call it for an erased referral: that would give it a
   * new key. A concurrent caller that made one first wins, and its key is returned.
   */
  public Sealer ofOrCreate(UUID referralId) {
    Optional<Sealer> held = of(referralId);
    if (held.isPresent()) {
      return held.get();
    }
    Sealer made = insert(referralId, " on conflict (referral_id) do nothing");
    return made != null ? made : of(referralId).orElseThrow();
  }

  /** The referral's data key, if it has one (none yet, or destroyed by erasure). */
  public Optional<Sealer> of(UUID referralId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select kek_id, wrapped_key from referral_data_key where referral_id = ?1")
            .setParameter(1, referralId)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(unwrapped(referralId, (String) rows.get(0)[0], (byte[]) rows.get(0)[1]));
  }

  /**
   * The referral's data key from its stored row ({@code kek_id}, {@code wrapped_key}), read by the
   * caller with its own query (with the sealed data, in one round trip).
   */
  public Sealer unwrapped(UUID referralId, String kekId, byte[] wrappedKey) {
    return sealer(referralId, keks.unwrap(kekId, wrappedKey, context(referralId)));
  }

  /**
   * Re-wraps up to {@code batch} data keys that another key-encryption key wrapped under the
   * current one, in the caller's transaction (rows locked, others' locks skipped); returns how
   * many.
   */
  public int rewrapBatch(int batch) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select referral_id, kek_id, wrapped_key from referral_data_key where kek_id <> ?1"
                    + " order by referral_id limit ?2 for update skip locked")
            .setParameter(1, keks.currentId())
            .setParameter(2, batch)
            .getResultList();
    for (Object[] row : rows) {
      UUID id = (UUID) row[0];
      byte[] key = keks.unwrap((String) row[1], (byte[]) row[2], context(id));
      em.createNativeQuery(
              "update referral_data_key set kek_id = ?2, wrapped_key = ?3 where referral_id = ?1")
          .setParameter(1, id)
          .setParameter(2, keks.currentId())
          .setParameter(3, keks.wrap(key, context(id)))
          .executeUpdate();
    }
    return rows.size();
  }

  /** How many data keys each key-encryption key wraps. */
  public Map<String, Long> countByKek() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select kek_id, count(*) from referral_data_key group by kek_id order by kek_id")
            .getResultList();
    Map<String, Long> counts = new TreeMap<>();
    for (Object[] row : rows) {
      counts.put((String) row[0], ((Number) row[1]).longValue());
    }
    return counts;
  }

  /** Destroys the referral's data key: whatever was sealed with it is unreadable for good. */
  public boolean destroy(UUID referralId) {
    return em.createNativeQuery("delete from referral_data_key where referral_id = ?1")
            .setParameter(1, referralId)
            .executeUpdate()
        > 0;
  }

  /**
   * An SQL condition, for a query over referrals aliased {@code alias}, that holds while the
   * referral has a data key: the one place outside this class that needs the table names it.
   */
  public static String heldBy(String alias) {
    return "exists (select 1 from referral_data_key k where k.referral_id = " + alias + ".id)";
  }

  private static byte[] context(UUID referralId) {
    return ("nrm-data-key:" + referralId).getBytes(StandardCharsets.UTF_8);
  }

  private static Sealer sealer(UUID referralId, byte[] key) {
    try {
      return new Sealer(referralId, new AesGcmJce(key));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Seals and opens one referral's data. Every ciphertext is bound to the referral and to what it
   * holds ({@code purpose}), so a sealed value cannot be moved to another referral or field.
   */
  public static final class Sealer {
    private final UUID referralId;
    private final Aead aead;

    Sealer(UUID referralId, Aead aead) {
      this.referralId = referralId;
      this.aead = aead;
    }

    public byte[] seal(String purpose, byte[] plaintext) {
      try {
        return aead.encrypt(plaintext, context(purpose));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot seal " + purpose, e);
      }
    }

    public byte[] open(String purpose, byte[] sealed) {
      try {
        return aead.decrypt(sealed, context(purpose));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("sealed " + purpose + " does not verify", e);
      }
    }

    private byte[] context(String purpose) {
      return (purpose + ":" + referralId).getBytes(StandardCharsets.UTF_8);
    }
  }
}
