package org.nrmreferrals.referral;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.nrmreferrals.Jdbc;
import org.nrmreferrals.protection.DataKeys;
import org.nrmreferrals.protection.DataKeys.Sealer;

/**
 * Stores a referral's personal data as one JSON document sealed (AES-256-GCM) with the referral's
 * own data key, so the database, its dumps and backups hold no name, date of birth, contact detail
 * or account in clear.
 */
@ApplicationScoped
public class PersonalDataStore {
  static final String PURPOSE = "personal-data";

  private final EntityManager em;
  private final DataKeys keys;
  private final ObjectMapper json;

  PersonalDataStore(EntityManager em, DataKeys keys, ObjectMapper json) {
    this.em = em;
    this.keys = keys;
    this.json = json;
  }

  /**
   * Seals and stores a new referral's personal data; returns the referral's new data key, or null
   * when there is no personal data (and so no key).
   */
  public Sealer save(UUID referralId, PersonalData data) {
    if (data == null) {
      return null;
    }
    Sealer sealer = keys.create(referralId);
    byte[] sealed = sealer.seal(PURPOSE, write(data));
    Jdbc.update(
        em,
        "insert into referral_personal_data (referral_id, sealed) values (?, ?)",
        s -> {
          s.setObject(1, referralId);
          s.setBytes(2, sealed);
        });
    return sealer;
  }

  /** The referral's personal data, or null when it has none. */
  public PersonalData find(UUID referralId) {
    // The sealed data and its wrapped key in one round trip. Plain JDBC: the row is never a
    // Hibernate entity, and a native query took half of this method's CPU in a read's profile.
    Sealed row =
        Jdbc.first(
            em,
            FIND,
            s -> s.setObject(1, referralId),
            rs -> new Sealed(rs.getBytes(1), rs.getString(2), rs.getBytes(3)));
    if (row == null) {
      return null;
    }
    if (row.kekId() == null) {
      throw new IllegalStateException("sealed personal data has no data key");
    }
    Sealer sealer = keys.unwrapped(referralId, row.kekId(), row.wrappedKey());
    return read(sealer.open(PURPOSE, row.sealed()));
  }

  private static final String FIND =
      "select p.sealed, k.kek_id, k.wrapped_key from referral_personal_data p"
          + " left join referral_data_key k on k.referral_id = p.referral_id"
          + " where p.referral_id = ?";

  private record Sealed(byte[] sealed, String kekId, byte[] wrappedKey) {}

  /**
   * The referring agencies' own case references of a page of referrals, opened in one round trip
   * (for lists): by referral, for those that have one.
   */
  public Map<UUID, String> externalReferences(List<UUID> referralIds) {
    Map<UUID, String> references = new HashMap<>();
    if (referralIds.isEmpty()) {
      return references;
    }
    for (Object[] row :
        Jdbc.all(
            em,
            FIND_ALL,
            s -> s.setArray(1, s.getConnection().createArrayOf("uuid", referralIds.toArray())),
            rs ->
                new Object[] {
                  rs.getObject(1, UUID.class), rs.getBytes(2), rs.getString(3), rs.getBytes(4)
                })) {
      UUID id = (UUID) row[0];
      Sealer sealer = keys.unwrapped(id, (String) row[2], (byte[]) row[3]);
      String reference = read(sealer.open(PURPOSE, (byte[]) row[1])).externalReference();
      if (reference != null) {
        references.put(id, reference);
      }
    }
    return references;
  }

  private static final String FIND_ALL =
      "select p.referral_id, p.sealed, k.kek_id, k.wrapped_key from referral_personal_data p"
          + " join referral_data_key k on k.referral_id = p.referral_id"
          + " where p.referral_id = any (?)";

  /**
   * Moves an external reference that a release before sealing stored in clear on the referral into
   * its sealed personal data (making a data key for a referral that had none), in the caller's
   * transaction.
   */
  void sealExternalReference(UUID referralId, String reference) {
    PersonalData before = find(referralId);
    PersonalData after =
        (before == null ? PersonalData.NONE : before).withExternalReference(reference);
    byte[] sealed = keys.ofOrCreate(referralId).seal(PURPOSE, write(after));
    Jdbc.update(
        em,
        "insert into referral_personal_data (referral_id, sealed) values (?, ?)"
            + " on conflict (referral_id) do update set sealed = excluded.sealed",
        s -> {
          s.setObject(1, referralId);
          s.setBytes(2, sealed);
        });
  }

  /**
   * An SQL condition, for a query over referrals aliased {@code alias}, that holds while the
   * referral has a sealed personal-data row.
   */
  public static String heldBy(String alias) {
    return "exists (select 1 from referral_personal_data p where p.referral_id = " + alias + ".id)";
  }

  /** Removes the (already unreadable) sealed row of an erased referral. */
  public void forget(UUID referralId) {
    em.createNativeQuery("delete from referral_personal_data where referral_id = ?1")
        .setParameter(1, referralId)
        .executeUpdate();
  }

  private byte[] write(PersonalData data) {
    try {
      return json.writeValueAsBytes(data);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write personal data", e);
    }
  }

  private PersonalData read(byte[] bytes) {
    try {
      return json.readValue(bytes, PersonalData.class);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read personal data", e);
    }
  }
}
