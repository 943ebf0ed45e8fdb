package org.nrmreferrals.referral;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;
import org.nrmreferrals.Jdbc;
import org.nrmreferrals.audit.AuditQueries;
import org.nrmreferrals.audit.AuditQueries.ClearReason;
import org.nrmreferrals.audit.AuditTrail;
import org.nrmreferrals.protection.DataKeys;
import org.nrmreferrals.protection.DataKeys.Sealer;

/**
 * Free text about a referral beside its personal data, sealed under the same data key: the reasons
 * given with its changes (the chain keeps only their digests) and the referring agency's own case
 * reference. Erasure destroys the key, and with it every such text. Releases before V27 stored them
 * in clear; what they wrote is sealed at start-up.
 */
@ApplicationScoped
public class SealedText {
  private static final Logger LOG = Logger.getLogger(SealedText.class);
  private static final int BATCH = 500;

  private final DataKeys keys;
  private final PersonalDataStore personalData;
  private final AuditQueries auditQueries;
  private final AuditTrail audit;
  private final EntityManager em;

  SealedText(
      DataKeys keys,
      PersonalDataStore personalData,
      AuditQueries auditQueries,
      AuditTrail audit,
      EntityManager em) {
    this.keys = keys;
    this.personalData = personalData;
    this.auditQueries = auditQueries;
    this.audit = audit;
    this.em = em;
  }

  /**
   * How to seal a reason given with a change to this referral: under its data key (made now if it
   * never had one); null once its personal data is erased, and then only the chain's digest of the
   * reason is kept. Call it with the referral's row locked by the change.
   */
  public BiFunction<String, byte[], byte[]> sealerFor(Referral r) {
    if (r.personalDataErasedAt() != null) {
      return null;
    }
    return keys.ofOrCreate(r.id())::seal;
  }

  /** How to open this referral's sealed reasons; null once its data key is destroyed. */
  public BiFunction<String, byte[], byte[]> openerFor(UUID referralId) {
    return keys.of(referralId).<BiFunction<String, byte[], byte[]>>map(s -> s::open).orElse(null);
  }

  /**
   * Seals what releases before V27 stored in clear, in batches of their own transactions (rows
   * locked, others' skipped, so that every instance may run it). Those releases are stopped before
   * this one starts (docs/operations.md): their sequencer would not carry a sealed reason.
   */
  void sealWhatWasClear(@Observes StartupEvent event) {
    sealWhatWasClear();
  }

  void sealWhatWasClear() {
    int reasons = 0;
    int references = 0;
    // Until none is left: a row another transaction holds is waited for, not skipped, and one
    // instance at a time seals (each batch under a lock), so that data keys are made in one order.
    for (int n = 1; n > 0; reasons += n) {
      n = QuarkusTransaction.requiringNew().call(() -> oneAtATime(() -> sealReasons(BATCH)));
    }
    for (int n = 1; n > 0; references += n) {
      n =
          QuarkusTransaction.requiringNew()
              .call(() -> oneAtATime(() -> sealExternalReferences(BATCH)));
    }
    if (reasons + references > 0) {
      LOG.infof(
          "sealed %d reasons and %d external references stored in clear by an earlier release",
          reasons, references);
    }
  }

  private int oneAtATime(java.util.function.IntSupplier batch) {
    Jdbc.first(
        em,
        "select true from pg_advisory_xact_lock(hashtext('nrm:seal-clear-text'))",
        s -> {},
        rs -> rs.getBoolean(1));
    return batch.getAsInt();
  }

  /**
   * Forgets, at erasure, whatever of the referral an earlier release left in clear and the start-up
   * job has not sealed yet: its external reference and its reasons.
   */
  public void forgetClearText(UUID referralId) {
    Jdbc.update(
        em,
        "update referral set external_reference = null where id = ? and external_reference is not"
            + " null",
        s -> s.setObject(1, referralId));
    audit.forgetClearReasons(referralId);
  }

  /** Seals up to {@code limit} reasons stored in clear (forgets those of erased referrals). */
  int sealReasons(int limit) {
    List<ClearReason> clear = auditQueries.clearReasons(limit);
    for (ClearReason reason : clear) {
      Sealer sealer = reason.referralId() == null ? null : sealerOf(reason.referralId());
      audit.reseal(
          reason,
          sealer == null
              ? null
              : sealer.seal(reason.purpose(), reason.reason().getBytes(StandardCharsets.UTF_8)));
    }
    return clear.size();
  }

  /** Moves up to {@code limit} external references stored in clear into the personal data. */
  int sealExternalReferences(int limit) {
    List<Object[]> rows =
        Jdbc.all(
            em,
            "select id, external_reference, personal_data_erased_at is not null from referral"
                + " where external_reference is not null order by id limit ? for update",
            s -> s.setInt(1, limit),
            rs -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3)});
    for (Object[] row : rows) {
      UUID id = (UUID) row[0];
      if (!(Boolean) row[2]) {
        personalData.sealExternalReference(id, (String) row[1]);
      }
      Jdbc.update(
          em,
          "update referral set external_reference = null where id = ?",
          s -> s.setObject(1, id));
    }
    return rows.size();
  }

  /** The referral's data key (made if it had none); null if it is erased or unknown. */
  private Sealer sealerOf(UUID referralId) {
    Boolean erased =
        Jdbc.first(
            em,
            // Shared lock: an erasure cannot happen between this read and the key made.
            "select personal_data_erased_at is not null from referral where id = ? for share",
            s -> s.setObject(1, referralId),
            rs -> rs.getBoolean(1));
    return erased == null || erased ? null : keys.ofOrCreate(referralId);
  }
}
