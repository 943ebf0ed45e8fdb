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

/**
 * Webhook signing secrets, stored only sealed (AES-GCM) by the key-encryption key and bound to
 * their subscription, so a database dump or backup cannot forge deliveries. A KEK rotation re-seals
 * them under the new key with the data keys ({@link KeyedDigests}); secrets that a release before
 * V28 stored in clear are sealed the same way at start-up.
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

  byte[] seal(UUID subscriptionId, String secret) {
    return keks.wrap(secret.getBytes(StandardCharsets.UTF_8), context(subscriptionId));
  }

  /** The secret, opened with the key that sealed it; null for null. */
  String open(UUID subscriptionId, String kekId, byte[] sealed) {
    if (sealed == null) {
      return null;
    }
    return new String(keks.unwrap(kekId, sealed, context(subscriptionId)), StandardCharsets.UTF_8);
  }

  void sealAtStartup(@Observes StartupEvent event) {
    long sealed = 0;
    for (int n = BATCH; n == BATCH; sealed += n) {
      n = QuarkusTransaction.requiringNew().call(() -> rekeyBatch(BATCH));
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
    List<Object[]> rows =
        Jdbc.all(
            em,
            STALE,
            s -> {
              s.setString(1, keks.currentId());
              s.setInt(2, batch);
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
      String secret = row[2] == null ? (String) row[4] : open(id, kek, (byte[]) row[2]);
      String previous = row[3] == null ? (String) row[5] : open(id, kek, (byte[]) row[3]);
      Jdbc.update(
          em,
          RESEAL,
          s -> {
            s.setString(1, keks.currentId());
            s.setBytes(2, seal(id, secret));
            s.setBytes(3, previous == null ? null : seal(id, previous));
            s.setObject(4, id);
          });
    }
    return rows.size();
  }

  private static final String COUNT =
      "SELECT count(*) FROM webhook_subscription WHERE secret_kek IS DISTINCT FROM ?";
  private static final String STALE =
      "SELECT id, secret_kek, secret_sealed, previous_secret_sealed, secret, previous_secret"
          + " FROM webhook_subscription WHERE secret_kek IS DISTINCT FROM ?"
          + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";
  private static final String RESEAL =
      "UPDATE webhook_subscription SET secret_kek = ?, secret_sealed = ?,"
          + " previous_secret_sealed = ?, secret = NULL, previous_secret = NULL WHERE id = ?";

  private static byte[] context(UUID subscriptionId) {
    return ("nrm-webhook-secret:" + subscriptionId).getBytes(StandardCharsets.UTF_8);
  }
}
