package org.nrmreferrals.protection;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Which key-encryption keys wrap the data keys, and how many blind-index digests and webhook
 * secrets are under an earlier key; after a re-wrap, how many it moved. A rotation is finished when
 * both remaining counts are 0; then the earlier keys may be retired. Every key the service used,
 * with when it was first used and retired, and when the current one is due for rotation.
 */
public record DataKeyStatus(
    String currentKekId,
    Map<String, Long> dataKeysByKek,
    long remaining,
    Long rewrapped,
    long digestsRemaining,
    Long rekeyed,
    Instant rotationDueAt,
    List<KekView> keys) {

  /** A key-encryption key as recorded: configured on this instance or not, retired or not. */
  public record KekView(
      String kekId, Instant firstUsedAt, boolean configured, Instant retiredAt, String retiredBy) {
    static KekView of(KekRegistry.Kek k, boolean configured) {
      return new KekView(k.kekId(), k.firstUsedAt(), configured, k.retiredAt(), k.retiredBy());
    }
  }
}
