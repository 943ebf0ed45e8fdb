package org.nrmreferrals.audit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Sequenced;
import org.nrmreferrals.support.Tokens;

/** The audit trail: what it records, who sees what, verification and tamper detection. */
@QuarkusTest
class AuditTrailTest {
  @Inject AgroalDataSource database;

  private String agency;
  private String partner;

  @BeforeEach
  void registerAgency() {
    agency = Agencies.police();
    partner = Tokens.partner(agency);
  }

  @Test
  void recordsEveryChangeAndEveryReadInTheReferralsHistory() {
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    Api.as(partner).get("/api/v1/referrals/" + id).then().statusCode(200);
    String caseworker = Tokens.caseworker("cw-alice");
    String etag = Api.as(caseworker).get("/api/v1/referrals/" + id).then().extract().header("ETag");
    Api.as(caseworker)
        .header("If-Match", etag)
        .body(Map.of("to", "RG_POSITIVE"))
        .post("/api/v1/referrals/" + id + "/transitions")
        .then()
        .statusCode(200);
    String body =
        Api.as(Tokens.admin())
            .get("/api/v1/referrals/" + id + "/history")
            .then()
            .statusCode(200)
            .body(
                "events.action",
                contains(
                    "referral.submitted",
                    "referral.read",
                    "referral.read",
                    "referral.status_changed"))
            .body("events[3].fromStatus", equalTo("SUBMITTED"))
            .body("events[3].toStatus", equalTo("RG_POSITIVE"))
            .body("events[3].actor", equalTo("cw-alice"))
            .body("events[1].actorRole", equalTo("partner"))
            .body("events[1].actorAgency", equalTo(agency))
            .extract()
            .asString();
    assertThat(body, not(containsString("Ana")));
    assertThat(body, not(containsString("Example")));
    assertThat(body, not(containsString("1999-04-02")));
  }

  @Test
  void showsPartnersCaseworkersOnlyAsRoleAndAuthority() {
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    Api.as(Tokens.caseworker("cw-bob")).get("/api/v1/referrals/" + id).then().statusCode(200);
    JsonPath history =
        Api.as(partner)
            .get("/api/v1/referrals/" + id + "/history")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals("caseworker", history.getString("events[1].actorRole"));
    assertEquals("SCA", history.getString("events[1].actorAgency"));
    assertNull(history.get("events[1].actor"));
    assertNull(history.get("events[1].actorSalt"));
    assertTrue(history.getString("events[0].actor").startsWith("officer-"));
    assertThat(
        Api.as(partner).get("/api/v1/referrals/" + id + "/history").asString(),
        not(containsString("cw-bob")));
  }

  @Test
  void recordsTheCallersRequestIdOrItsOwn() {
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    Api.as(partner)
        .header("X-Request-Id", "partner-req-42")
        .get("/api/v1/referrals/" + id)
        .then()
        .statusCode(200)
        .header("X-Request-Id", equalTo("partner-req-42"));
    String generated =
        Api.as(partner)
            .header("X-Request-Id", "not acceptable; has spaces")
            .get("/api/v1/referrals/" + id)
            .then()
            .statusCode(200)
            .extract()
            .header("X-Request-Id");
    assertThat(generated, not(containsString(" ")));
    Api.as(partner)
        .get("/api/v1/referrals/" + id + "/history")
        .then()
        .body("events[1].requestId", equalTo("partner-req-42"))
        .body("events[2].requestId", equalTo(generated));
  }

  @Test
  void hidesOtherAgenciesHistories() {
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    Api.as(Tokens.partner(Agencies.police()))
        .get("/api/v1/referrals/" + id + "/history")
        .then()
        .statusCode(404);
    Api.as(Tokens.analyst()).get("/api/v1/referrals/" + id + "/history").then().statusCode(403);
  }

  @Test
  void recordsWhichReferralsAListReturnedAndEveryAgencyChange() throws SQLException {
    String first = Referrals.submit(agency, Referrals.anAdultReferral());
    String second = Referrals.submit(agency, Referrals.anAdultReferral());
    Api.as(partner).get("/api/v1/referrals").then().statusCode(200);
    Agencies.deactivate(agency);
    List<String> rows =
        query(
            "select action || ' ' || details::text from audit_event where agency_code = ?"
                + " and referral_id is null order by seq",
            agency);
    assertEquals(3, rows.size(), rows.toString());
    assertThat(rows.get(0), containsString("agency.registered"));
    assertThat(rows.get(1), containsString("referral.listed"));
    assertThat(rows.get(1), containsString(first));
    assertThat(rows.get(1), containsString(second));
    assertThat(rows.get(2), containsString("agency.revised"));
    assertThat(rows.get(2), containsString("\"active\": false"));
  }

  @Test
  void letsAPartnerRecomputeItsEventsAndTheChainBetweenCheckpoints() throws Exception {
    Map<String, Object> before =
        Api.as(partner)
            .get("/api/v1/audit/checkpoint")
            .then()
            .statusCode(200)
            .extract()
            .as(Map.class);
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    Api.as(Tokens.caseworker()).get("/api/v1/referrals/" + id).then().statusCode(200);
    Sequenced.now();
    Map<String, Object> after =
        Api.as(partner)
            .get("/api/v1/audit/checkpoint")
            .then()
            .statusCode(200)
            .extract()
            .as(Map.class);
    String publicKey =
        Api.as(partner)
            .get("/api/v1/audit/public-key")
            .then()
            .statusCode(200)
            .extract()
            .path("publicKeyPem");
    assertTrue(PartnerVerifier.signatureValid(before, publicKey));
    assertTrue(PartnerVerifier.signatureValid(after, publicKey));
    Map<String, Object> forged = new java.util.HashMap<>(after);
    forged.put("seq", ((Number) after.get("seq")).longValue() + 1);
    assertFalse(PartnerVerifier.signatureValid(forged, publicKey));

    List<Map<String, Object>> events =
        Api.as(partner)
            .get("/api/v1/referrals/" + id + "/history")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("events");
    Map<Long, String> digests = new java.util.HashMap<>();
    for (Map<String, Object> event : events) {
      String digest = PartnerVerifier.eventDigest(event);
      assertEquals(event.get("eventDigest"), digest, "event " + event.get("seq"));
      assertEquals(event.get("hash"), PartnerVerifier.link((String) event.get("prevHash"), digest));
      digests.put(((Number) event.get("seq")).longValue(), digest);
    }
    Map<String, Object> own = events.get(0);
    assertEquals(
        own.get("actorDigest"),
        PartnerVerifier.actorDigest((String) own.get("actorSalt"), (String) own.get("actor")));

    long from = ((Number) before.get("seq")).longValue();
    long to = ((Number) after.get("seq")).longValue();
    String hash = (String) before.get("hash");
    long seq = from;
    while (seq < to) {
      List<Map<String, Object>> links =
          Api.as(partner)
              .queryParam("afterSeq", seq)
              .queryParam("limit", 2)
              .get("/api/v1/audit/chain")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("links");
      for (Map<String, Object> link : links) {
        long linkSeq = ((Number) link.get("seq")).longValue();
        if (linkSeq > to) {
          break;
        }
        assertEquals(seq + 1, linkSeq);
        assertEquals(hash, link.get("prevHash"));
        hash = PartnerVerifier.link(hash, (String) link.get("eventDigest"));
        assertEquals(link.get("hash"), hash);
        if (digests.containsKey(linkSeq)) {
          assertEquals(digests.get(linkSeq), link.get("eventDigest"));
        }
        seq = linkSeq;
      }
    }
    assertEquals(after.get("hash"), hash);
  }

  @Test
  void verifiesTheWholeChainForAdminsOnly() {
    Referrals.submit(agency, Referrals.anAdultReferral());
    JsonPath result =
        Api.as(Tokens.admin())
            .get("/api/v1/audit/verify")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(result.getBoolean("valid"));
    assertEquals(result.getLong("headSeq"), result.getLong("checkedEvents"));
    Api.as(partner).get("/api/v1/audit/verify").then().statusCode(403);
    Api.as(Tokens.caseworker()).get("/api/v1/audit/verify").then().statusCode(403);
    Api.as(Tokens.analyst()).get("/api/v1/audit/checkpoint").then().statusCode(403);
    Api.as(partner).get("/api/v1/audit/chain?limit=0").then().statusCode(400);
    Api.as(partner).get("/api/v1/audit/chain?afterSeq=-1").then().statusCode(400);
  }

  /**
   * Proofs are made from the stored Merkle tiles, so a tile altered behind the service's back, or
   * one claiming events the chain does not have, breaks the verification.
   */
  @Test
  void detectsAMerkleTileThatIsNotTheRootOfItsEvents() throws SQLException {
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    long head = Long.parseLong(query("select seq::text from audit_head").get(0));
    for (long seq = head; seq < 300; seq++) { // each read is an event: enough for a first tile
      Api.as(partner).get("/api/v1/referrals/" + id).then().statusCode(200);
    }
    String tile =
        query("select encode(hash, 'hex') from audit_tree_tile where level = 8 and idx = 0").get(0);
    try {
      asSuperuser("update audit_tree_tile set hash = sha256(hash) where level = 8 and idx = 0");
      verificationBrokenAt(1)
          .body("problem", containsString("Merkle tree tile of level 8 at 0 does not match"));
    } finally {
      asSuperuser(
          "update audit_tree_tile set hash = decode('"
              + tile
              + "', 'hex') where level = 8 and idx = 0");
    }
    try {
      asSuperuser(
          "insert into audit_tree_tile (level, idx, hash) values (8, 1000000, sha256('x'))");
      verificationBrokenAt(256_000_001L)
          .body("problem", equalTo("a Merkle tree tile claims events the chain does not have"));
    } finally {
      asSuperuser("delete from audit_tree_tile where idx = 1000000");
    }
    Api.as(Tokens.admin()).get("/api/v1/audit/verify").then().body("valid", equalTo(true));
  }

  @Test
  void detectsAnEventAlteredInTheDatabase() throws SQLException {
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    long seq = seqOf(id); // a new referral's one event
    try {
      asSuperuser("update audit_event set to_status = 'WITHDRAWN' where seq = " + seq);
      verificationBrokenAt(seq).body("problem", equalTo("the event was altered"));
    } finally {
      asSuperuser("update audit_event set to_status = 'SUBMITTED' where seq = " + seq);
    }
    Api.as(Tokens.admin()).get("/api/v1/audit/verify").then().body("valid", equalTo(true));
  }

  @Test
  void reportsASaltMadeUnreadableAsAnAlteredActorNotAsAnError() throws SQLException {
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    long seq = seqOf(id); // a new referral's one event
    String salt = query("select actor_salt from audit_event where seq = " + seq).get(0);
    try {
      asSuperuser("update audit_event set actor_salt = 'not hex at all' where seq = " + seq);
      verificationBrokenAt(seq).body("problem", equalTo("the actor was altered"));
    } finally {
      asSuperuser("update audit_event set actor_salt = '" + salt + "' where seq = " + seq);
    }
    Api.as(Tokens.admin()).get("/api/v1/audit/verify").then().body("valid", equalTo(true));
  }

  @Test
  void reportsTheFirstOfTwoAlteredEventsThoughOtherThreadsCheckedTheLaterOne() throws SQLException {
    // The test profile verifies in batches of 3 on every core, so these two lie in different
    // batches, and the later one's batch may well be checked first.
    String first = Referrals.submit(agency, Referrals.anAdultReferral());
    for (int i = 0; i < 8; i++) {
      Referrals.submit(agency, Referrals.anAdultReferral());
    }
    String last = Referrals.submit(agency, Referrals.anAdultReferral());
    long early = seqOf(first);
    long late = seqOf(last);
    assertTrue(late - early >= 6, "the two events lie batches apart");
    try {
      asSuperuser("update audit_event set to_status = 'WITHDRAWN' where seq = " + late);
      asSuperuser("update audit_event set to_status = 'WITHDRAWN' where seq = " + early);
      verificationBrokenAt(early)
          .body("checkedEvents", equalTo((int) early - 1))
          .body("problem", equalTo("the event was altered"));
    } finally {
      asSuperuser("update audit_event set to_status = 'SUBMITTED' where seq = " + late);
      asSuperuser("update audit_event set to_status = 'SUBMITTED' where seq = " + early);
    }
    Api.as(Tokens.admin()).get("/api/v1/audit/verify").then().body("valid", equalTo(true));
  }

  /** The admin's verification, asserted to report the chain broken first at this seq. */
  private static ValidatableResponse verificationBrokenAt(long seq) {
    return Api.as(Tokens.admin())
        .get("/api/v1/audit/verify")
        .then()
        .statusCode(200)
        .body("valid", equalTo(false))
        .body("firstBrokenSeq", equalTo((int) seq));
  }

  private long seqOf(String referralId) throws SQLException {
    return Long.parseLong(
        query("select min(seq)::text from audit_event where referral_id = ?::uuid", referralId)
            .get(0));
  }

  @Test
  void detectsAnEventDeletedFromTheDatabase() throws SQLException {
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    Api.as(partner).get("/api/v1/referrals/" + id).then().statusCode(200);
    long seq =
        Long.parseLong(
            query("select min(seq)::text from audit_event where referral_id = ?::uuid", id).get(0));
    asSuperuser("create table if not exists audit_event_saved (like audit_event)");
    asSuperuser("delete from audit_event_saved");
    asSuperuser("insert into audit_event_saved select * from audit_event where seq = " + seq);
    try {
      asSuperuser("delete from audit_event where seq = " + seq);
      verificationBrokenAt(seq);
    } finally {
      asSuperuser("insert into audit_event select * from audit_event_saved");
      asSuperuser("drop table audit_event_saved");
    }
    Api.as(Tokens.admin()).get("/api/v1/audit/verify").then().body("valid", equalTo(true));
  }

  @Test
  void refusesUpdatesAndDeletesInTheDatabaseItself() throws SQLException {
    Referrals.submit(agency, Referrals.anAdultReferral());
    for (String sql :
        List.of(
            "update audit_event set action = 'x' where seq = (select max(seq) from audit_event)",
            "delete from audit_event where seq = (select max(seq) from audit_event)",
            "truncate audit_event cascade",
            "update audit_head set seq = seq - 1")) {
      SQLException refused = assertThrows(SQLException.class, () -> execute(sql), sql);
      assertThat(refused.getMessage(), containsString("audit_"));
    }
    Api.as(Tokens.admin()).get("/api/v1/audit/verify").then().body("valid", equalTo(true));
  }

  @Test
  void keepsOneGapFreeChainUnderParallelIntakeAndVerification() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<String>> work = new ArrayList<>();
      for (int i = 0; i < 48; i++) {
        work.add(() -> Referrals.submit(agency, Referrals.anAdultReferral()));
        if (i % 12 == 0) {
          work.add(
              () ->
                  Api.as(Tokens.admin())
                      .get("/api/v1/audit/verify")
                      .then()
                      .statusCode(200)
                      .body("valid", equalTo(true))
                      .extract()
                      .path("headSeq")
                      .toString());
        }
      }
      for (Future<String> f : pool.invokeAll(work)) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    Sequenced.now();
    JsonPath result =
        Api.as(Tokens.admin()).get("/api/v1/audit/verify").then().extract().jsonPath();
    assertTrue(result.getBoolean("valid"));
    assertEquals(result.getLong("headSeq"), result.getLong("checkedEvents"));
    List<String> seqs =
        query(
            "select e.seq::text from audit_event e join referral r on r.id = e.referral_id"
                + " where r.agency_code = ? and e.action = 'referral.submitted'",
            agency);
    assertEquals(48, new HashSet<>(seqs).size());
    assertThat(
        query("select count(*)::text from audit_event where seq > (select seq from audit_head)"),
        contains("0"));
  }

  /** Rows of the chain: what was committed is sequenced first. */
  private List<String> query(String sql, String... params) throws SQLException {
    Sequenced.now();
    try (Connection c = database.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setString(i + 1, params[i]);
      }
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
      }
      return rows;
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** As a superuser would: triggers (the insert-only guard among them) switched off. */
  private void asSuperuser(String sql) throws SQLException {
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      s.execute("set session_replication_role = replica");
      try {
        s.execute(sql);
      } finally {
        s.execute("set session_replication_role = origin");
      }
    }
  }
}
