package org.nrmreferrals.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.nrmreferrals.Jdbc;
import org.nrmreferrals.protection.KeyEncryptionKeys;
import org.nrmreferrals.protection.KeyedDigests;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.ProblemType;

/**
 * Webhook signing secrets, stored only sealed (AES-GCM) by the key-encryption key and bound to
 * their subscription, so a database dump or backup cannot forge deliveries. A KEK rotation re-seals
 * them under the new key with the data keys ({@link KeyedDigests}); secrets that a release before
 * V28 stored in clear are sealed at start-up. The current and the previous secret are sealed for
 * their place, so they cannot be swapped.
 */
@ApplicationScoped
class WebhookSecrets implements KeyedDigests {
  private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);
  private static final int BATCH = 500;

  private final KeyEncryptionKeys keks;
  private final EntityManager em;

  WebhookSecrets(KeyEncryptionKeys keks, EntityManager em) {
    this.keks = keks;
    this.em = em;
  }

  /** The id of the key that seals new secrets. */
  String kekId() {
    return keks.currentId();
  }

  /** Which of a subscription's two secrets a sealed value is: they cannot change places. */
  enum Slot {
    CURRENT,
    PREVIOUS
  }

  byte[] seal(UUID subscriptionId, Slot slot, String secret) {
    return keks.wrap(secret.getBytes(StandardCharsets.UTF_8), context(subscriptionId, slot));
  }

  /** The secret, opened with the key that sealed it; null for null. */
  String open(UUID subscriptionId, Slot slot, String kekId, byte[] sealed) {
    if (sealed == null) {
      return null;
    }
    return new String(
        keks.unwrap(kekId, sealed, context(subscriptionId, slot)), StandardCharsets.UTF_8);
  }

  /**
   * Seals the secrets a release before V28 stored in clear, and only those: re-sealing under a new
   * KEK waits for the rotation (re-wrap), since replicas not yet restarted with the new key could
   * not open them. Runs until none is left (rows another transaction holds are waited for).
   */
  void sealAtStartup(@Observes StartupEvent event) {
    long sealed = 0;
    for (int n = 1; n > 0; sealed += n) {
      n = QuarkusTransaction.requiringNew().call(() -> reseal(BATCH, true));
    }
    if (sealed > 0) {
      LOG.infof("sealed %d webhook secrets under key-encryption key %s", sealed, keks.currentId());
    }
  }

  @Override
  public long underEarlierKeys() {
    return Jdbc.first(em, COUNT, s -> s.setString(1, keks.currentId()), rs -> rs.getLong(1));
  }

  /** Re-seals up to {@code batch} subscriptions' secrets under the current key. */
  @Override
  public int rekeyBatch(int batch) {
    return reseal(batch, false);
  }

  /** Re-seals up to {@code batch} subscriptions: those in clear only, or those not current. */
  private int reseal(int batch, boolean clearOnly) {
    List<Object[]> rows =
        Jdbc.all(
            em,
            clearOnly ? CLEAR : STALE,
            s -> {
              if (clearOnly) {
                s.setInt(1, batch);
              } else {
                s.setString(1, keks.currentId());
                s.setInt(2, batch);
              }
            },
            rs ->
                new Object[] {
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getBytes(3),
                  rs.getBytes(4),
                  rs.getString(5),
                  rs.getString(6)
                });
    for (Object[] row : rows) {
      UUID id = (UUID) row[0];
      String kek = (String) row[1];
      if (kek != null && !keks.knows(kek)) {
        throw new ProblemException(
            ProblemType.CONFLICT,
            "Webhook secrets are sealed by key "
                + kek
                + ", which is not configured: add it to NRM_KEK_PREVIOUS and restart.");
      }
      String secret =
          row[2] == null ? (String) row[4] : open(id, Slot.CURRENT, kek, (byte[]) row[2]);
      String previous =
          row[3] == null ? (String) row[5] : open(id, Slot.PREVIOUS, kek, (byte[]) row[3]);
      Jdbc.update(
          em,
          RESEAL,
          s -> {
            s.setString(1, keks.currentId());
            s.setBytes(2, seal(id, Slot.CURRENT, secret));
            s.setBytes(3, previous == null ? null : seal(id, Slot.PREVIOUS, previous));
            s.setObject(4, id);
          });
    }
    return rows.size();
  }

  /** Under an earlier key, or (any part) still in clear. */
  private static final String NOT_CURRENT =
      " FROM webhook_subscription WHERE (secret_kek IS DISTINCT FROM ? OR secret IS NOT NULL"
          + " OR previous_secret IS NOT NULL)";

  private static final String COUNT = "SELECT count(*)" + NOT_CURRENT;
  private static final String COLUMNS =
      "SELECT id, secret_kek, secret_sealed, previous_secret_sealed, secret, previous_secret";
  private static final String STALE =
      COLUMNS + NOT_CURRENT + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";

  /** Only what is in clear; rows another transaction holds are waited for. */
  private static final String CLEAR =
      COLUMNS
          + " FROM webhook_subscription WHERE secret IS NOT NULL OR previous_secret IS NOT NULL"
          + " ORDER BY id LIMIT ? FOR UPDATE";

  private static final String RESEAL =
      "UPDATE webhook_subscription SET secret_kek = ?, secret_sealed = ?,"
          + " previous_secret_sealed = ?, secret = NULL, previous_secret = NULL WHERE id = ?";

  private static byte[] context(UUID subscriptionId, Slot slot) {
    return ("nrm-webhook-secret:" + slot.name().toLowerCase() + ":" + subscriptionId)
        .getBytes(StandardCharsets.UTF_8);
  }
}
