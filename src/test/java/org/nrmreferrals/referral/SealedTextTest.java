package org.nrmreferrals.referral;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Chain;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Sequenced;
import org.nrmreferrals.support.Tokens;

/**
 * Reasons and external references are sealed under the referral's data key: what an earlier release
 * stored in clear is sealed by the start-up job (an erased referral's forgotten), and a sealed
 * reason moved to another event is not shown.
 */
@QuarkusTest
class SealedTextTest {
  @Inject EntityManager em;
  @Inject SealedText sealedText;

  @Test
  void textAnEarlierReleaseStoredInClearIsSealedAndStillShown() {
    String agency = Agencies.police();
    String adult = Referrals.submit(agency, Referrals.anAdultReferral());
    Map<String, Object> report = Referrals.aDutyToNotifyReport();
    report.remove("externalReference");
    Referrals.person(report).put("languages", List.of());
    String bare = Referrals.submit(agency, report);
    String erased = Referrals.submit(agency, Referrals.anAdultReferral());
    for (String id : List.of(adult, bare, erased)) {
      hold(id, true, "Litigation over " + id);
    }
    admin("/api/v1/referrals/" + erased + "/legal-hold", Map.of("hold", false, "reason", "Done"));
    admin("/api/v1/referrals/" + erased + "/erasure", Map.of("reason", "Art. 17 request"));
    Sequenced.now();
    // As an earlier release stored them: reasons and references in clear, and the bare report
    // without a data key (the hold made one).
    sql(
        "update audit_event_reason x set reason = 'Litigation over ' || e.referral_id,"
            + " sealed = null from audit_event e where e.seq = x.seq and e.referral_id in (?1, ?2,"
            + " ?3) and e.action = 'referral.legal_hold_set'",
        adult,
        bare,
        erased);
    sql("delete from referral_data_key where referral_id = ?1", bare);
    sql(
        "update referral set external_reference = 'OLD-' || id where id in (?1, ?2, ?3)",
        adult,
        bare,
        erased);
    assertEquals(3L, count("select count(*) from audit_event_reason where reason is not null"));

    sealedText.sealWhatWasClear();

    assertEquals(0L, count("select count(*) from audit_event_reason where reason is not null"));
    assertEquals(0L, count("select count(*) from referral where external_reference is not null"));
    assertEquals(1L, count("select count(*) from referral_data_key where referral_id = ?1", bare));
    assertEquals(
        0L, count("select count(*) from referral_data_key where referral_id = ?1", erased));
    for (String id : List.of(adult, bare)) {
      history(id).body("events.reason", hasItem("Litigation over " + id));
      Api.as(Tokens.partner(agency))
          .get("/api/v1/referrals/" + id)
          .then()
          .statusCode(200)
          .body("externalReference", equalTo("OLD-" + id));
    }
    history(erased).body("events.reason", not(hasItem("Litigation over " + erased)));
    Api.as(Tokens.partner(agency))
        .get("/api/v1/referrals/" + erased)
        .then()
        .body("externalReference", nullValue());
    Chain.verifies();
  }

  @Test
  void erasureForgetsClearTextTheJobHasNotSealedYet() {
    String id = Referrals.submit(Agencies.police(), Referrals.anAdultReferral());
    hold(id, true, "Litigation over " + id);
    hold(id, false, "Settled");
    Sequenced.now();
    sql(
        "update audit_event_reason x set reason = 'Litigation over ' || e.referral_id,"
            + " sealed = null from audit_event e where e.seq = x.seq and e.referral_id = ?1"
            + " and e.action = 'referral.legal_hold_set'",
        id);
    sql("update referral set external_reference = 'OLD-REF' where id = ?1", id);

    admin("/api/v1/referrals/" + id + "/erasure", Map.of("reason", "Art. 17 request"));

    assertEquals(
        0L,
        count(
            "select count(*) from audit_event_reason x join audit_event e on e.seq = x.seq"
                + " where e.referral_id = ?1 and x.reason is not null",
            id));
    assertEquals(
        0L,
        count(
            "select count(*) from referral where id = ?1 and external_reference is not null", id));
  }

  @Test
  void aSealedReasonMovedToAnotherEventIsNotShown() {
    String id = Referrals.submit(Agencies.police(), Referrals.anAdultReferral());
    hold(id, true, "Held for the inquest");
    hold(id, false, "The inquest ended");
    Sequenced.now();
    history(id).body("events.reason", hasItem("Held for the inquest"));
    // The two sealed reasons change places.
    sql(
        "update audit_event_reason x set sealed = o.sealed from audit_event e, audit_event_reason o,"
            + " audit_event oe where e.seq = x.seq and oe.seq = o.seq and e.referral_id = ?1"
            + " and oe.referral_id = ?1 and o.seq <> x.seq",
        id);

    history(id)
        .body("events.reason", not(hasItem("Held for the inquest")))
        .body("events.reason", not(hasItem("The inquest ended")));
  }

  private static void hold(String id, boolean hold, String reason) {
    admin("/api/v1/referrals/" + id + "/legal-hold", Map.of("hold", hold, "reason", reason));
  }

  private static void admin(String path, Map<String, ?> body) {
    var request =
        Api.as(Tokens.admin())
            .header("If-Match", Referrals.etag(Tokens.admin(), path.split("/")[4]))
            .body(body);
    (path.endsWith("legal-hold") ? request.put(path) : request.post(path)).then().statusCode(200);
  }

  private static io.restassured.response.ValidatableResponse history(String id) {
    return Api.as(Tokens.admin())
        .get("/api/v1/referrals/" + id + "/history")
        .then()
        .statusCode(200);
  }

  private void sql(String sql, String... ids) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              var query = em.createNativeQuery(sql);
              for (int i = 0; i < ids.length; i++) {
                query.setParameter(i + 1, UUID.fromString(ids[i]));
              }
              query.executeUpdate();
            });
  }

  private long count(String sql, String... ids) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var query = em.createNativeQuery(sql);
              for (int i = 0; i < ids.length; i++) {
                query.setParameter(i + 1, UUID.fromString(ids[i]));
              }
              return ((Number) query.getSingleResult()).longValue();
            });
  }
}
