package org.nrmreferrals.referral;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.nrmreferrals.protection.DataKeys;
import org.nrmreferrals.protection.DataKeys.Sealer;

/**
 * Stores a referral's personal data as one JSON document sealed (AES-256-GCM) with the referral's
 * own data key, so the database, its dumps and backups hold no name, date of birth, contact detail
 * or account in clear.
 */
@ApplicationScoped
class PersonalDataStore {
  private static final Logger LOG = Logger.getLogger(PersonalDataStore.class);
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
  Sealer save(UUID referralId, PersonalData data) {
    if (data == null) {
      return null;
    }
    Sealer sealer = keys.create(referralId);
    em.createNativeQuery("insert into referral_personal_data (referral_id, sealed) values (?1, ?2)")
        .setParameter(1, referralId)
        .setParameter(2, sealer.seal(PURPOSE, write(data)))
        .executeUpdate();
    return sealer;
  }

  /** The referral's personal data, or null when it has none. */
  PersonalData find(UUID referralId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select sealed, given_name, family_name, aliases, date_of_birth, phone, email,"
                    + " address, account from referral_personal_data where referral_id = ?1")
            .setParameter(1, referralId)
            .getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    Object[] row = rows.get(0);
    if (row[0] == null) {
      return legacy(row);
    }
    Sealer sealer =
        keys.of(referralId)
            .orElseThrow(() -> new IllegalStateException("sealed personal data has no data key"));
    return read(sealer.open(PURPOSE, (byte[]) row[0]));
  }

  /** Removes the (already unreadable) sealed row of an erased referral. */
  void forget(UUID referralId) {
    em.createNativeQuery("delete from referral_personal_data where referral_id = ?1")
        .setParameter(1, referralId)
        .executeUpdate();
  }

  /** Seals what earlier versions stored in clear: rows before V14 first, then languages. */
  void sealWhatWasClear(@Observes StartupEvent event) {
    int sealed = QuarkusTransaction.requiringNew().call(this::sealLegacyRows);
    if (sealed > 0) {
      LOG.infof("sealed the personal data of %d referrals stored before encryption", sealed);
    }
    int moved = QuarkusTransaction.requiringNew().call(this::sealLanguages);
    if (moved > 0) {
      LOG.infof("sealed the languages of %d referrals stored in clear", moved);
    }
  }

  /**
   * Moves languages stored in clear on the referral (before they were sealed) into its sealed
   * personal data, making a data key for a referral that had none; an erased referral's are
   * dropped. Returns how many referrals.
   */
  int sealLanguages() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select id, languages, personal_data_erased_at is not null from referral"
                    + " where cardinality(languages) > 0 for update")
            .getResultList();
    for (Object[] row : rows) {
      UUID id = (UUID) row[0];
      if (!(Boolean) row[2]) {
        PersonalData before = find(id);
        if (before == null) {
          save(id, PersonalData.NONE.withLanguages(aliases(row[1])));
        } else {
          Sealer sealer = keys.of(id).orElseThrow();
          em.createNativeQuery(
                  "update referral_personal_data set sealed = ?2 where referral_id = ?1")
              .setParameter(1, id)
              .setParameter(2, sealer.seal(PURPOSE, write(before.withLanguages(aliases(row[1])))))
              .executeUpdate();
        }
      }
      em.createNativeQuery("update referral set languages = '{}' where id = ?1")
          .setParameter(1, id)
          .executeUpdate();
    }
    return rows.size();
  }

  /**
   * Seals rows written before personal data was encrypted (migration V14) and clears their
   * plaintext columns; returns how many.
   */
  int sealLegacyRows() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select sealed, given_name, family_name, aliases, date_of_birth, phone, email,"
                    + " address, account, referral_id from referral_personal_data"
                    + " where sealed is null for update")
            .getResultList();
    for (Object[] row : rows) {
      UUID id = (UUID) row[9];
      Sealer sealer = keys.of(id).orElseGet(() -> keys.create(id));
      em.createNativeQuery(
              "update referral_personal_data set sealed = ?2, given_name = null,"
                  + " family_name = null, aliases = '{}', date_of_birth = null, phone = null,"
                  + " email = null, address = null, account = null where referral_id = ?1")
          .setParameter(1, id)
          .setParameter(2, sealer.seal(PURPOSE, write(legacy(row))))
          .executeUpdate();
    }
    return rows.size();
  }

  private static PersonalData legacy(Object[] row) {
    return new PersonalData(
        (String) row[1],
        (String) row[2],
        aliases(row[3]),
        row[4] instanceof Date date ? date.toLocalDate() : (LocalDate) row[4],
        (String) row[5],
        (String) row[6],
        (String) row[7],
        (String) row[8],
        List.of());
  }

  /** A text[] value as a list. */
  private static List<String> aliases(Object value) {
    try {
      Object array = value instanceof Array sql ? sql.getArray() : value;
      return array == null ? List.of() : Arrays.asList((String[]) array);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
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
