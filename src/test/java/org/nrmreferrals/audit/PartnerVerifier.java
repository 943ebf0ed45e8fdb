package org.nrmreferrals.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * What a partner does to check the audit trail, written from the docs alone (no service code):
 * recompute an event's digest, check links, check a checkpoint's signature.
 */
final class PartnerVerifier {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();
  private static final List<String> HASHED =
      List.of(
          "occurredAt",
          "action",
          "referralId",
          "agency",
          "actorRole",
          "actorAgency",
          "actorDigest",
          "fromStatus",
          "toStatus",
          "requestId",
          "details");

  private PartnerVerifier() {}

  /** SHA-256 of the JCS form of the hashed fields (absent ones are null). */
  static String eventDigest(Map<String, Object> event) throws Exception {
    ObjectNode node = JSON.createObjectNode();
    for (String field : HASHED) {
      node.set(field, JSON.valueToTree(event.get(field)));
    }
    byte[] canonical = new JsonCanonicalizer(JSON.writeValueAsString(node)).getEncodedUTF8();
    return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
  }

  /** SHA-256(prevHash ‖ eventDigest), over raw bytes. */
  static String link(String prevHash, String eventDigest) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(HEX.parseHex(prevHash));
    sha.update(HEX.parseHex(eventDigest));
    return HEX.formatHex(sha.digest());
  }

  static String actorDigest(String salt, String actor) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(HEX.parseHex(salt));
    sha.update(("actor:" + actor).getBytes(StandardCharsets.UTF_8));
    return HEX.formatHex(sha.digest());
  }

  static boolean signatureValid(Map<String, Object> checkpoint, String publicKeyPem)
      throws Exception {
    ObjectNode payload = JSON.createObjectNode();
    for (String field : List.of("hash", "keyId", "root", "seq", "signedAt")) {
      payload.set(field, JSON.valueToTree(checkpoint.get(field)));
    }
    return signed(payload, (String) checkpoint.get("signature"), publicKeyPem);
  }

  /** A receipt's signature: over {events, includeBy, issuedAt, keyId}. */
  static boolean receiptValid(JsonNode receipt, String publicKeyPem) throws Exception {
    ObjectNode payload = JSON.createObjectNode();
    for (String field : List.of("events", "includeBy", "issuedAt", "keyId")) {
      payload.set(field, receipt.get(field));
    }
    return signed(payload, receipt.get("signature").asText(), publicKeyPem);
  }

  /** Ed25519 over the RFC 8785 form of the payload, with the PEM public key. */
  private static boolean signed(ObjectNode payload, String signature, String publicKeyPem)
      throws Exception {
    byte[] message = new JsonCanonicalizer(JSON.writeValueAsString(payload)).getEncodedUTF8();
    String base64 = publicKeyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    PublicKey key =
        KeyFactory.getInstance("Ed25519")
            .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(key);
    verifier.update(message);
    return verifier.verify(Base64.getDecoder().decode(signature));
  }
}
