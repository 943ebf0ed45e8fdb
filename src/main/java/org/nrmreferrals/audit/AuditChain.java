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

  /** The event's fields that the chain covers, as a JSON object (before canonicalization). */
  static ObjectNode publicFields(AuditRecord e) {
    ObjectNode node = JSON.createObjectNode();
    node.put("seq", e.seq());
    node.put("occurredAt", timestamp(e.occurredAt()));
    node.put("action", e.action());
    node.put("referralId", e.referralId() == null ? null : e.referralId().toString());
    node.put("agency", e.agency());
    node.put("actorRole", e.actorRole());
    node.put("actorAgency", e.actorAgency());
    node.put("actorDigest", e.actorDigest());
    node.put("fromStatus", e.fromStatus());
    node.put("toStatus", e.toStatus());
    node.put("requestId", e.requestId());
    node.set("details", e.details() == null ? JSON.createObjectNode() : e.details());
    return node;
  }

  /** RFC 8785 (JCS) bytes of the event's public fields. */
  static byte[] canonical(AuditRecord e) {
    return canonical(publicFields(e));
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
