package org.nrmreferrals.protection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditEvent;
import org.nrmreferrals.audit.AuditTrail;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.ProblemType;

/**
 * Key rotation without downtime: with the new key in NRM_KEK and the old one in NRM_KEK_PREVIOUS,
 * every data key is re-wrapped under the new key in small transactions while the service runs;
 * reads meanwhile unwrap with whichever key a row names. Blind-index digests made under a key
 * derived from the old KEK are then recomputed under the new one. Then the old key can be dropped.
 */
@ApplicationScoped
public class KeyRotation {
  private static final Logger LOG = Logger.getLogger(KeyRotation.class);
  private static final int BATCH = 500;

  private final DataKeys dataKeys;
  private final KeyEncryptionKeys keks;
  private final AuditTrail audit;
  private final Instance<KeyedDigests> digests;
  private final KekRegistry registry;
  private final Clock clock;

  KeyRotation(
      DataKeys dataKeys,
      KeyEncryptionKeys keks,
      AuditTrail audit,
      @Any Instance<KeyedDigests> digests,
      KekRegistry registry,
      Clock clock) {
    this.dataKeys = dataKeys;
    this.keks = keks;
    this.audit = audit;
    this.digests = digests;
    this.registry = registry;
    this.clock = clock;
  }

  /**
   * Finishes a rotation without anyone calling for it: once a new key is configured, what is still
   * under an earlier one is moved in the night's run (every replica may run it: batches skip rows
   * another holds). Warns when the current key is due for rotation.
   */
  @Scheduled(
      identity = "kek-rotation",
      cron = "${nrm.kek-rotation-cron}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    DataKeyStatus before = status();
    if (before.remaining() > 0 || before.digestsRemaining() > 0) {
      try {
        DataKeyStatus after = rewrapAll();
        LOG.infof(
            "KEK rotation: %d data keys re-wrapped and %d referrals' digests re-keyed under %s",
            after.rewrapped(), after.rekeyed(), after.currentKekId());
      } catch (ProblemException e) {
        LOG.errorf("KEK rotation cannot finish: %s", e.getMessage());
      }
    }
    Instant due = registry.rotationDueAt();
    if (due != null && clock.instant().isAfter(due)) {
      LOG.warnf(
          "The key-encryption key %s was due for rotation on %s (nrm.kek-max-age): see"
              + " docs/operations.md#rotating-the-kek",
          keks.currentId(), due);
    }
  }

  /**
   * Retires an earlier key once nothing is left under any earlier key: it is then recorded as
   * retired (to be destroyed by the operator), and an instance configured with it refuses to start.
   */
  public DataKeyStatus retire(String kekId, String by) {
    if (kekId.equals(keks.currentId())) {
      throw new ProblemException(
          ProblemType.CONFLICT, "Key " + kekId + " is the current key; rotate to a new one first.");
    }
    if (QuarkusTransaction.requiringNew().call(() -> registry.find(kekId)) == null) {
      throw ProblemException.notFound("This service never used key-encryption key " + kekId + ".");
    }
    DataKeyStatus now = status();
    if (now.remaining() > 0 || now.digestsRemaining() > 0) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          now.remaining()
              + " data keys and "
              + now.digestsRemaining()
              + " digests and webhook secrets are still under an earlier key: re-wrap first"
              + " (POST /api/v1/admin/data-keys/rewrap).");
    }
    boolean retired =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  if (!registry.retire(kekId, by)) {
                    return false;
                  }
                  audit.append(AuditEvent.of(Action.KEK_RETIRED).detail("kekId", kekId));
                  return true;
                });
    if (!retired) {
      throw new ProblemException(ProblemType.CONFLICT, "Key " + kekId + " is retired already.");
    }
    return status();
  }

  public DataKeyStatus status() {
    return status(null, null);
  }

  /** Re-wraps every data key under the current key, batch by batch, and audits the count. */
  public DataKeyStatus rewrapAll() {
    Map<String, Long> before = QuarkusTransaction.requiringNew().call(dataKeys::countByKek);
    for (String kekId : before.keySet()) {
      if (!keks.knows(kekId)) {
        throw new ProblemException(
            ProblemType.CONFLICT,
            "Data keys are wrapped by key "
                + kekId
                + ", which is not configured: add it to NRM_KEK_PREVIOUS and restart.");
      }
    }
    long total = 0;
    for (int n = BATCH; n == BATCH; ) {
      n = QuarkusTransaction.requiringNew().call(() -> dataKeys.rewrapBatch(BATCH));
      total += n;
    }
    // Then what was made with keys derived from the old KEK, from data the new wrapping opens.
    long rekeyed = 0;
    for (KeyedDigests d : digests) {
      for (int n = BATCH; n == BATCH; ) {
        n = QuarkusTransaction.requiringNew().call(() -> d.rekeyBatch(BATCH));
        rekeyed += n;
      }
    }
    long rewrapped = total;
    long rekeyedReferrals = rekeyed;
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                audit.append(
                    AuditEvent.of(Action.DATA_KEYS_REWRAPPED)
                        .detail("kekId", keks.currentId())
                        .detail("rewrapped", rewrapped)
                        .detail("digestsRekeyed", rekeyedReferrals)));
    return status(rewrapped, rekeyedReferrals);
  }

  private DataKeyStatus status(Long rewrapped, Long rekeyed) {
    Map<String, Long> counts = QuarkusTransaction.requiringNew().call(dataKeys::countByKek);
    long digestsRemaining = 0;
    for (KeyedDigests d : digests) {
      digestsRemaining += QuarkusTransaction.requiringNew().call(d::underEarlierKeys);
    }
    long remaining = 0;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      if (!e.getKey().equals(keks.currentId())) {
        remaining += e.getValue();
      }
    }
    return new DataKeyStatus(
        keks.currentId(),
        counts,
        remaining,
        rewrapped,
        digestsRemaining,
        rekeyed,
        registry.rotationDueAt(),
        QuarkusTransaction.requiringNew().call(registry::all).stream()
            .map(k -> DataKeyStatus.KekView.of(k, keks.knows(k.kekId())))
            .toList());
  }
}
