package org.nrmreferrals.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Sequenced;
import org.nrmreferrals.support.Tokens;

/**
 * Receipts and the proofs they are redeemed for, checked as a partner checks them (docs alone: the
 * JDK's Ed25519, RFC 8785 by a library, RFC 9162's verification algorithms); and a sequencer killed
 * in the middle of a batch, which must lose nothing.
 */
@QuarkusTest
class ReceiptTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();

  @Inject AgroalDataSource database;
  @Inject AuditSequencer sequencer;

  @Test
  void anIntakeCarriesASignedReceiptRedeemedForAProofOfInclusion() throws Exception {
    String agency = Agencies.police();
    String partner = Tokens.partner(agency);
    var created =
        Api.as(partner)
            .body(Referrals.anAdultReferral())
            .post("/api/v1/referrals")
            .then()
            .statusCode(201)
            .extract();
    String header = created.header(Receipts.HEADER);
    String id = created.path("id");
    JsonNode receipt = JSON.readTree(Base64.getUrlDecoder().decode(header));
    assertTrue(receiptSignatureValid(receipt, publicKey(partner)), receipt.toString());
    assertEquals(1, receipt.get("events").size());
    String digest = receipt.get("events").get(0).asText();
    JsonPath history =
        Api.as(partner).get("/api/v1/referrals/" + id + "/history").then().extract().jsonPath();
    assertEquals(digest, history.getString("events[0].eventDigest"));

    // Forged: another event's digest under the same signature.
    ((com.fasterxml.jackson.databind.node.ArrayNode) receipt.get("events")).set(0, "0".repeat(64));
    assertFalse(receiptSignatureValid(receipt, publicKey(partner)));

    Sequenced.now();
    JsonPath proof =
        Api.as(partner)
            .get("/api/v1/audit/proofs/" + digest)
            .then()
            .statusCode(200)
            .body("status", equalTo("INCLUDED"))
            .extract()
            .jsonPath();
    assertTrue(inclusionVerifies(proof, digest), proof.prettify());
    assertTrue(checkpointSignatureValid(proof.getMap("checkpoint"), publicKey(partner)));

    // Against an older checkpoint the partner kept: the same event, in a smaller log.
    long seq = proof.getLong("seq");
    JsonPath older =
        Api.as(partner)
            .get("/api/v1/audit/proofs/" + digest + "?treeSize=" + seq)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(seq, older.getLong("treeSize"));
    assertTrue(inclusionVerifies(older, digest));

    // Another agency's partner learns nothing of it; nonsense is refused.
    Api.as(Tokens.partner(Agencies.police()))
        .get("/api/v1/audit/proofs/" + digest)
        .then()
        .statusCode(404)
        .contentType(containsString("application/problem+json"));
    Api.as(partner).get("/api/v1/audit/proofs/xyz").then().statusCode(400);
    Api.as(partner)
        .get("/api/v1/audit/proofs/" + digest + "?treeSize=" + (seq - 1))
        .then()
        .statusCode(422);
    Api.as(partner)
        .get("/api/v1/audit/proofs/" + digest + "?treeSize=999999999")
        .then()
        .statusCode(422);
  }

  /**
   * A likely duplicate found at a partner's intake is the caseworkers' to know of: the partner's
   * receipt does not name its event, and the partner cannot have it proved.
   */
  @Test
  void aPartnersReceiptNamesNoLikelyDuplicate() throws Exception {
    Map<String, Object> first = Referrals.anAdultReferral();
    Referrals.submit(Agencies.police(), first);
    String agency = Agencies.police();
    String partner = Tokens.partner(agency);
    var created =
        Api.as(partner)
            .body(first) // the same person, referred by another agency
            .post("/api/v1/referrals")
            .then()
            .statusCode(201)
            .extract();
    String id = created.path("id");
    JsonNode receipt =
        JSON.readTree(Base64.getUrlDecoder().decode(created.header(Receipts.HEADER)));
    assertEquals(1, receipt.get("events").size(), receipt.toString());
    Sequenced.now();
    String duplicate;
    try (Connection c = database.getConnection();
        var q =
            c.prepareStatement(
                "SELECT event_digest FROM audit_event WHERE action = 'referral.possible_duplicate'"
                    + " AND details ->> 'referralId' = ?")) {
      q.setString(1, id);
      try (ResultSet rs = q.executeQuery()) {
        assertTrue(rs.next(), "the likely duplicate was recorded");
        duplicate = rs.getString(1);
      }
    }
    Api.as(partner).get("/api/v1/audit/proofs/" + duplicate).then().statusCode(404);
    Api.as(Tokens.caseworker()).get("/api/v1/audit/proofs/" + duplicate).then().statusCode(200);
  }

  @Test
  void onlyWritesThatCommitCarryReceipts() {
    String agency = Agencies.police();
    String partner = Tokens.partner(agency);
    Map<String, Object> invalid = new java.util.HashMap<>(Referrals.anAdultReferral());
    invalid.remove("consent");
    Api.as(partner)
        .body(invalid)
        .post("/api/v1/referrals")
        .then()
        .statusCode(422)
        .header(Receipts.HEADER, nullValue());
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    // An audited read stores an event but promises nothing.
    Api.as(partner)
        .get("/api/v1/referrals/" + id)
        .then()
        .statusCode(200)
        .header(Receipts.HEADER, nullValue());
  }

  @Test
  void aLaterLogProvablyExtendsAnEarlierOne() throws Exception {
    String agency = Agencies.police();
    String partner = Tokens.partner(agency);
    Sequenced.now();
    Map<String, Object> before =
        Api.as(partner).get("/api/v1/audit/checkpoint").then().extract().jsonPath().getMap("");
    for (int i = 0; i < 3; i++) {
      Referrals.submit(agency, Referrals.anAdultReferral());
    }
    Sequenced.now();
    JsonPath consistency =
        Api.as(partner)
            .get("/api/v1/audit/consistency?from=" + before.get("seq"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Object> after = consistency.getMap("checkpoint");
    assertTrue(checkpointSignatureValid(after, publicKey(partner)));
    List<byte[]> proof = hashes(consistency.getList("proof"));
    long from = ((Number) before.get("seq")).longValue();
    long to = ((Number) after.get("seq")).longValue();
    assertTrue(to >= from + 3);
    byte[] oldRoot = HEX.parseHex((String) before.get("root"));
    byte[] newRoot = HEX.parseHex((String) after.get("root"));
    assertTrue(RfcVerify.consistency(from, to, oldRoot, newRoot, proof));
    byte[] forged = oldRoot.clone();
    forged[31] ^= 1;
    assertFalse(RfcVerify.consistency(from, to, forged, newRoot, proof));
    Api.as(partner).get("/api/v1/audit/consistency").then().statusCode(422);
    Api.as(partner)
        .get("/api/v1/audit/consistency?from=" + (to + 1) + "&to=" + to)
        .then()
        .statusCode(422);
  }

  /**
   * The sequencer's database session is killed in the middle of a batch (its events moved into the
   * chain, not committed): nothing of the batch is visible, nothing is lost, and the next sequencer
   * includes every event once, the chain and the tree still valid.
   */
  @Test
  void aSequencerKilledMidBatchLosesNothing() throws Exception {
    String agency = Agencies.police();
    String partner = Tokens.partner(agency);
    Sequenced.now();
    long headBefore = head();
    List<String> ids = new ArrayList<>();
    try (Connection victim = database.getConnection();
        Connection killer = database.getConnection()) {
      victim.setAutoCommit(false);
      int pid;
      try (Statement s = victim.createStatement()) {
        // The victim is the sequencer from here on: the service's own polls cannot take over.
        s.execute("SELECT pg_advisory_xact_lock(" + AuditSequencer.LOCK + ")");
        try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
          rs.next();
          pid = rs.getInt(1);
        }
      }
      for (int i = 0; i < 5; i++) {
        ids.add(Referrals.submit(agency, Referrals.anAdultReferral()));
      }
      Api.as(partner)
          .get("/api/v1/audit/proofs/" + historyDigest(partner, ids.get(4)))
          .then()
          .statusCode(200)
          .body("status", equalTo("PENDING"))
          .header("Retry-After", equalTo("1"));
      // The batch's work, up to its commit: the events are in audit_event in the victim's session.
      assertTrue(sequencer.sequenceBatch(victim, true) >= 5);
      assertEquals(-1, sequencer.sequenceBatch(false), "the lock is held");
      try (Statement s = killer.createStatement()) {
        s.execute("SELECT pg_terminate_backend(" + pid + ")");
      }
      victim.abort(Runnable::run);
    }
    assertEquals(headBefore, head(), "nothing of the killed batch is visible");
    Sequenced.now();
    assertTrue(head() >= headBefore + 5);
    for (String id : ids) {
      String d = historyDigest(partner, id);
      JsonPath proof = Api.as(partner).get("/api/v1/audit/proofs/" + d).then().extract().jsonPath();
      assertEquals("INCLUDED", proof.getString("status"));
      assertTrue(inclusionVerifies(proof, d));
    }
    Api.as(Tokens.admin()).get("/api/v1/audit/verify").then().body("valid", equalTo(true));
  }

  private long head() throws SQLException {
    try (Connection c = database.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT seq FROM audit_head")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String historyDigest(String token, String id) {
    return Api.as(token)
        .get("/api/v1/referrals/" + id + "/history")
        .then()
        .extract()
        .path("events.find { it.action == 'referral.submitted' }.eventDigest");
  }

  private static boolean inclusionVerifies(JsonPath proof, String digest) throws Exception {
    byte[] leaf =
        MessageDigest.getInstance("SHA-256").digest(concat(new byte[] {0}, HEX.parseHex(digest)));
    return RfcVerify.inclusion(
        proof.getLong("leafIndex"),
        proof.getLong("treeSize"),
        leaf,
        hashes(proof.getList("path")),
        HEX.parseHex(proof.getString("checkpoint.root")));
  }

  private static List<byte[]> hashes(List<Object> hex) {
    return hex.stream().map(h -> HEX.parseHex((String) h)).toList();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static String publicKey(String token) {
    return Api.as(token).get("/api/v1/audit/public-key").then().extract().path("publicKeyPem");
  }

  private static boolean receiptSignatureValid(JsonNode receipt, String key) throws Exception {
    return PartnerVerifier.receiptValid(receipt, key);
  }

  private static boolean checkpointSignatureValid(Map<String, Object> c, String key)
      throws Exception {
    return PartnerVerifier.signatureValid(c, key);
  }
}
