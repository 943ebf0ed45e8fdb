package org.nrmreferrals.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The chain's arithmetic, as the README documents it for partners:
 *
 * <pre>
 * eventDigest = SHA-256(RFC 8785 canonical JSON of the event's public fields)
 * hash        = SHA-256(prevHash ‖ eventDigest)        (raw 32-byte values; genesis prevHash = 0³²)
 * actorDigest = SHA-256(actorSalt ‖ "actor:" ‖ actor)   (salt: 16 random bytes per event)
 * </pre>
 *
 * Chaining the event's digest rather than its bytes lets anyone check the links between two
 * checkpoints from digests alone, without seeing other agencies' events.
 */
final class AuditChain {
  static final String GENESIS = "0".repeat(64);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private AuditChain() {}

  /**
   * The event's fields that the chain covers, by name, in canonical (sorted) order: an event is
   * written straight from these, without a JSON tree in between.
   */
  private static final SortedMap<String, Function<AuditRecord, Object>> PUBLIC_FIELDS =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry("seq", AuditRecord::seq),
              Map.entry("occurredAt", e -> timestamp(e.occurredAt())),
              Map.entry("action", AuditRecord::action),
              Map.entry(
                  "referralId", e -> e.referralId() == null ? null : e.referralId().toString()),
              Map.entry("agency", AuditRecord::agency),
              Map.entry("actorRole", AuditRecord::actorRole),
              Map.entry("actorAgency", AuditRecord::actorAgency),
              Map.entry("actorDigest", AuditRecord::actorDigest),
              Map.entry("fromStatus", AuditRecord::fromStatus),
              Map.entry("toStatus", AuditRecord::toStatus),
              Map.entry("requestId", AuditRecord::requestId),
              Map.entry(
                  "details", e -> e.details() == null ? JSON.createObjectNode() : e.details())));

  /** RFC 8785 (JCS) bytes of the event's public fields. */
  static byte[] canonical(AuditRecord e) {
    return CanonicalJson.of(PUBLIC_FIELDS, e);
  }

  /** RFC 8785 (JCS) bytes of a JSON object. */
  static byte[] canonical(ObjectNode node) {
    return CanonicalJson.of(node);
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static String eventDigest(AuditRecord e) {
    return HEX.formatHex(sha256(canonical(e)));
  }

  static String link(String prevHash, String eventDigest) {
    return HEX.formatHex(sha256(HEX.parseHex(prevHash), HEX.parseHex(eventDigest)));
  }

  static String actorDigest(String salt, String actor) {
    return saltedDigest(salt, "actor:" + actor);
  }

  static String reasonDigest(String salt, String reason) {
    return saltedDigest(salt, "reason:" + reason);
  }

  /** Instants in the canonical form: UTC, always six fractional digits. */
  static String timestamp(Instant instant) {
    return MICROS.format(instant);
  }

  private static String saltedDigest(String salt, String value) {
    return HEX.formatHex(sha256(HEX.parseHex(salt), value.getBytes(StandardCharsets.UTF_8)));
  }

  /** One SHA-256 engine per thread: reset by digest(), and cheaper than a lookup per event. */
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
          });

  private static byte[] sha256(byte[]... parts) {
    MessageDigest digest = SHA256.get();
    digest.reset();
    for (byte[] part : parts) {
      digest.update(part);
    }
    return digest.digest();
  }
}
