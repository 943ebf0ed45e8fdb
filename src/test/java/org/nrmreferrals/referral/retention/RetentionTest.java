package org.nrmreferrals.referral.retention;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Chain;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Releases;
import org.nrmreferrals.support.SecondInstance;
import org.nrmreferrals.support.Sequenced;
import org.nrmreferrals.support.TestClock;
import org.nrmreferrals.support.Tokens;

/**
 * The retention policy: referrals past their period are listed, then erased by an admin or by the
 * scheduled job; live cases and legal holds are kept. In the second instance (its retention
 * settings), where no other test withdraws a referral: the clock moves a year on, and every earlier
 * withdrawn referral would be due.
 */
@QuarkusTest
@TestProfile(SecondInstance.class)
class RetentionTest {
  private static final String RETENTION = "/api/v1/admin/retention";

  @Inject Retention retention;

  @Inject EntityManager em;

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void dueReferralsAreListedAndErasedWhileLiveCasesAndLegalHoldsAreKept() {
    String agency = Agencies.police();
    String due = withdrawn(agency);
    String held = withdrawn(agency);
    String live = Referrals.submit(agency, Referrals.anAdultReferral());
    hold(held);

    JsonPath now = report().extract().jsonPath();
    assertEquals(0, now.getInt("due"));
    assertEquals("P1Y", now.getString("periods.WITHDRAWN"));
    assertEquals("never", now.getString("periods.CG_NEGATIVE"));
    assertEquals("P6Y", now.getString("periods.CG_POSITIVE"));
    assertEquals("ERASE", now.getString("mode"));

    TestClock.advance(Duration.ofDays(367));
    report()
        .body("due", equalTo(1))
        .body("onLegalHold", equalTo(1))
        .body("referrals.id", equalTo(List.of(due)))
        .body("referrals[0].status", equalTo("WITHDRAWN"))
        .body("referrals[0].statusSince", notNullValue())
        .body(
            "referrals[0].dueOn",
            equalTo(LocalDate.now(ZoneId.of("Europe/London")).plusYears(1).toString()))
        // A report names no one.
        .body("referrals[0].potentialVictim", nullValue());
    String statisticsBefore = statistics();

    Api.as(Tokens.admin())
        .post(RETENTION + "/erasure")
        .then()
        .statusCode(200)
        .body("erased", equalTo(1))
        .body("due", equalTo(0))
        .body("onLegalHold", equalTo(1));

    admin(due).body("personalDataErasedAt", notNullValue()).body("account", nullValue());
    admin(held).body("personalDataErasedAt", nullValue()).body("account", notNullValue());
    admin(live).body("personalDataErasedAt", nullValue()).body("account", notNullValue());
    Api.as(Tokens.admin())
        .get("/api/v1/referrals/" + due + "/history")
        .then()
        .statusCode(200)
        .body(
            "events.find { it.action == 'referral.personal_data_erased' }.details.retentionPeriod",
            equalTo("P1Y"))
        .body(
            "events.find { it.action == 'referral.personal_data_erased' }.details.afterStatus",
            equalTo("WITHDRAWN"));
    assertEquals(statisticsBefore, statistics());
    Chain.verifies();

    // Nothing more is due: a second run erases nothing.
    Api.as(Tokens.admin())
        .post(RETENTION + "/erasure")
        .then()
        .statusCode(200)
        .body("erased", equalTo(0));
  }

  @Test
  void theScheduledJobErasesWhatIsDueAsTheSystem() {
    String id = withdrawn(Agencies.ngo());
    TestClock.advance(Duration.ofDays(367));

    retention.scheduled();

    admin(id).body("personalDataErasedAt", notNullValue());
    Api.as(Tokens.admin())
        .get("/api/v1/referrals/" + id + "/history")
        .then()
        .statusCode(200)
        .body(
            "events.find { it.action == 'referral.personal_data_erased' }.actorRole",
            equalTo("system"));
    Sequenced.now();
    assertEquals(
        1L,
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((Number)
                            em.createNativeQuery(
                                    "select count(*) from audit_event where action ="
                                        + " 'retention.applied' and actor_role = 'system'"
                                        + " and details ->> 'trigger' = 'scheduled'")
                                .getSingleResult())
                        .longValue()));
  }

  @Test
  void onlyAdminsSeeOrApplyRetention() {
    String agency = Agencies.police();
    for (String token : List.of(Tokens.partner(agency), Tokens.caseworker(), Tokens.analyst())) {
      Api.as(token).get(RETENTION).then().statusCode(403);
      Api.as(token).post(RETENTION + "/erasure").then().statusCode(403);
    }
    Api.anonymous().get(RETENTION).then().statusCode(401);
    Api.anonymous().post(RETENTION + "/erasure").then().statusCode(401);
    Api.as(Tokens.admin()).get(RETENTION + "?limit=0").then().statusCode(400);
    Api.as(Tokens.admin()).get(RETENTION + "?limit=abc").then().statusCode(400);
  }

  @Test
  void aRetentionPeriodThatIsNotAPeriodStopsTheStart() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Retention.periods(config("six years")));
    assertEquals(
        "nrm.retention.cg-positive must be an ISO-8601 period such as P6Y, or never; it is six"
            + " years",
        e.getMessage());
    assertThrows(IllegalStateException.class, () -> Retention.periods(config("P0D")));
    assertEquals(4, Retention.periods(config("never")).size());
  }

  private static NrmConfig.Retention config(String cgPositive) {
    return new NrmConfig.Retention() {
      public String withdrawn() {
        return "P1Y";
      }

      public String rgNegative() {
        return "P6Y";
      }

      public String cgNegative() {
        return "P6Y";
      }

      public String cgPositive() {
        return cgPositive;
      }

      public String notified() {
        return "P2Y";
      }

      public NrmConfig.RetentionMode mode() {
        return NrmConfig.RetentionMode.LIST;
      }

      public String cron() {
        return "off";
      }
    };
  }

  private static String withdrawn(String agency) {
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    Api.as(Tokens.partner(agency))
        .header("If-Match", etag(id))
        .body(Map.of("to", "WITHDRAWN", "reason", "The person withdrew consent"))
        .post("/api/v1/referrals/" + id + "/transitions")
        .then()
        .statusCode(200);
    return id;
  }

  private static void hold(String id) {
    Api.as(Tokens.admin())
        .header("If-Match", etag(id))
        .body(Map.of("hold", true, "reason", "Evidence in R v Smith"))
        .put("/api/v1/referrals/" + id + "/legal-hold")
        .then()
        .statusCode(200);
  }

  private static io.restassured.response.ValidatableResponse report() {
    return Api.as(Tokens.admin()).get(RETENTION).then().statusCode(200);
  }

  private static io.restassured.response.ValidatableResponse admin(String id) {
    return Api.as(Tokens.admin()).get("/api/v1/referrals/" + id).then().statusCode(200);
  }

  private static String etag(String id) {
    return Api.as(Tokens.admin()).get("/api/v1/referrals/" + id).then().extract().header("ETag");
  }

  /** The referrals by nationality and gender of a release cut now. */
  private static String statistics() {
    return Api.as(Tokens.analyst())
        .get("/api/v1/statistics/referrals?groupBy=nationality,gender&release=" + Releases.cut())
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getString("rows");
  }
}
