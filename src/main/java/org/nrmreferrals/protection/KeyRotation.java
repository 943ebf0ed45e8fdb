package org.nrmreferrals.protection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
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
  private static final int BATCH = 500;

  private final DataKeys dataKeys;
  private final KeyEncryptionKeys keks;
  private final AuditTrail audit;
  private final Instance<KeyedDigests> digests;

  KeyRotation(
      DataKeys dataKeys,
      KeyEncryptionKeys keks,
      AuditTrail audit,
      @Any Instance<KeyedDigests> digests) {
    this.dataKeys = dataKeys;
    this.keks = keks;
    this.audit = audit;
    this.digests = digests;
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
        keks.currentId(), counts, remaining, rewrapped, digestsRemaining, rekeyed);
  }
}
