package org.nrmreferrals.statistics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nrmreferrals.support.Published.near;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Releases;
import org.nrmreferrals.support.Sequenced;
import org.nrmreferrals.support.TestClock;
import org.nrmreferrals.support.Tokens;

/**
 * Statistics come from releases: frozen, the same for every reader, kept and listed; a question
 * asked again after a new referral gets the same answer until the next release.
 */
@QuarkusTest
class ReleaseTest {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @jakarta.inject.Inject javax.sql.DataSource database;

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void anAdminCutsAReleaseOfTheMonthsEndedAndAnalystsListIt() {
    YearMonth lastMonth = YearMonth.from(LocalDate.now(LONDON)).minusMonths(1);
    ValidatableResponse cut =
        Api.as(Tokens.admin())
            .post("/api/v1/statistics/releases")
            .then()
            .statusCode(201)
            .body("throughMonth", equalTo(lastMonth.toString()))
            .body("scheduled", equalTo(false))
            .body("facts", org.hamcrest.Matchers.nullValue());
    long id = cut.extract().jsonPath().getLong("id");
    cut.header("Location", endsWith("/api/v1/statistics/releases/" + id));
    Api.as(Tokens.analyst())
        .get("/api/v1/statistics/releases")
        .then()
        .statusCode(200)
        .body("[0].id", equalTo((int) id))
        .body("id", hasItem((int) id));
    Api.as(Tokens.analyst())
        .get("/api/v1/statistics/releases/" + id)
        .then()
        .statusCode(200)
        .body("throughMonth", equalTo(lastMonth.toString()));
    Api.as(Tokens.analyst()).get("/api/v1/statistics/releases/99999999").then().statusCode(404);
    Api.as(Tokens.analyst()).get("/api/v1/statistics/releases/x").then().statusCode(404);
  }

  @Test
  void aNewReferralChangesNothingUntilTheNextRelease() {
    String agency = Agencies.police();
    YearMonth lastMonth = YearMonth.from(LocalDate.now(LONDON)).minusMonths(1);
    inLastMonth(() -> submit(agency, 12));
    long first = Releases.cut();
    String query =
        "/api/v1/statistics/referrals?groupBy=gender&agency="
            + agency
            + "&from="
            + lastMonth
            + "&to="
            + lastMonth;
    String before = Api.as(Tokens.analyst()).get(query).then().statusCode(200).extract().asString();
    inLastMonth(() -> submit(agency, 1));
    String after = Api.as(Tokens.analyst()).get(query).then().statusCode(200).extract().asString();
    // The same release, the same figures, to the byte: the new referral is in none of them.
    assertEquals(before, after);
    Api.as(Tokens.analyst())
        .get(query)
        .then()
        .body("release", equalTo((int) first))
        .body("total.count", near(12));
    long second = Releases.cut();
    // The next release counts 13: published with a noise of its own, so the difference between
    // the two releases is not the one referral made in between.
    Api.as(Tokens.analyst())
        .get(query)
        .then()
        .body("release", equalTo((int) second))
        .body("total.count", near(13));
    Api.as(statistician())
        .get(query)
        .then()
        .statusCode(200)
        .body("release", equalTo((int) second))
        .body("total.count", equalTo(13))
        .body("disclosureControl.exact", equalTo(true));
    // The first release is kept, and still answers as it did.
    String again =
        Api.as(Tokens.analyst())
            .get(query + "&release=" + first)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertEquals(before, again);
  }

  @Test
  void refusesAMonthAfterTheReleaseAndAMalformedRelease() {
    long id = Releases.cut();
    YearMonth thisMonth = YearMonth.from(LocalDate.now(LONDON));
    Api.as(Tokens.analyst())
        .get("/api/v1/statistics/referrals?from=" + thisMonth + "&to=" + thisMonth)
        .then()
        .statusCode(400)
        .contentType(containsString("application/problem+json"))
        .body("violations[0].field", equalTo("to"))
        .body(
            "violations[0].message", containsString("release " + id + " covers the months up to"));
    Api.as(Tokens.analyst())
        .get("/api/v1/statistics/decisions?release=first")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("release"));
    Api.as(Tokens.analyst())
        .get("/api/v1/statistics/backlog?release=99999999")
        .then()
        .statusCode(404)
        .contentType(containsString("application/problem+json"));
  }

  @Test
  void theSameRecordsAskedTwoWaysGetTheSameNoise() {
    // A month of this test's own: two months ago.
    String agency = Agencies.police();
    YearMonth month = YearMonth.from(LocalDate.now(LONDON)).minusMonths(2);
    inMonthsAgo(2, () -> submit(agency, 23));
    Releases.cut();
    String period = "&from=" + month + "&to=" + month;
    // The agency's total as a filter, as its row among the agencies, and as its one month: the
    // same 23 referrals, so the same cell key and the same published count, however often and
    // in whichever table it is asked.
    Object filtered =
        Api.as(Tokens.analyst())
            .get("/api/v1/statistics/referrals?agency=" + agency + period)
            .then()
            .statusCode(200)
            .body("total.count", near(23))
            .extract()
            .path("total.count");
    for (int i = 0; i < 3; i++) {
      Api.as(Tokens.analyst())
          .get("/api/v1/statistics/referrals?groupBy=agency" + period)
          .then()
          .statusCode(200)
          .body("rows.find { it.agency == '" + agency + "' }.count", equalTo(filtered));
      Api.as(Tokens.analyst())
          .get("/api/v1/statistics/referrals?groupBy=gender&agency=" + agency + period)
          .then()
          .statusCode(200)
          .body("total.count", equalTo(filtered));
      Api.as(Tokens.analyst())
          .get("/api/v1/statistics/referrals?groupBy=month&agency=" + agency + period)
          .then()
          .statusCode(200)
          .body("rows[0].count", equalTo(filtered));
    }
  }

  @Test
  void aStatisticianReadsExactFiguresAndEveryReadIsAudited() throws Exception {
    // A month of this test's own: three months ago.
    String agency = Agencies.police();
    YearMonth month = YearMonth.from(LocalDate.now(LONDON)).minusMonths(3);
    inMonthsAgo(3, () -> submit(agency, 3));
    long id = Releases.cut();
    String query =
        "/api/v1/statistics/referrals?agency=" + agency + "&from=" + month + "&to=" + month;
    Api.as(Tokens.analyst())
        .get(query)
        .then()
        .statusCode(200)
        .body("total.count", org.hamcrest.Matchers.nullValue())
        .body("total.suppressed", equalTo(true));
    long before = exactReads(id);
    Api.as(statistician())
        .get(query)
        .then()
        .statusCode(200)
        .body("total.count", equalTo(3))
        .body("disclosureControl.exact", equalTo(true))
        .body("disclosureControl.suppressedCells", equalTo(0))
        .body("disclosureControl.rule", containsString("audited"));
    assertEquals(before + 1, exactReads(id));
    // A statistician may list releases, but cuts none.
    Api.as(statistician()).get("/api/v1/statistics/releases").then().statusCode(200);
    Api.as(statistician()).post("/api/v1/statistics/releases").then().statusCode(403);
  }

  @Test
  void countsDualNationalsUnderTheirCombination() {
    // A month of this test's own: five months ago. Three Albanian and Greek dual nationals (their
    // nationalities given in either order) and one Albanian.
    String agency = Agencies.police();
    YearMonth month = YearMonth.from(LocalDate.now(LONDON)).minusMonths(5);
    inMonthsAgo(
        5,
        () -> {
          for (List<String> nationalities :
              List.of(
                  List.of("AL", "GR"), List.of("GR", "AL"), List.of("AL", "GR"), List.of("AL"))) {
            Map<String, Object> body = Referrals.anAdultReferral();
            Referrals.person(body).put("nationalities", new ArrayList<>(nationalities));
            Referrals.submit(agency, body);
          }
        });
    long id = Releases.cut();
    Api.as(statistician())
        .get(
            "/api/v1/statistics/referrals?groupBy=nationalities&agency="
                + agency
                + "&from="
                + month
                + "&to="
                + month
                + "&release="
                + id)
        .then()
        .statusCode(200)
        .body("rows.nationalities", equalTo(List.of("AL", "AL_GR")))
        .body("rows.nationalitiesName", equalTo(List.of("Albania", "Albania and Greece")))
        .body("rows.count", equalTo(List.of(1, 3)));
  }

  @Test
  void aReleaseThisVersionCannotReadIsAConflictNotAnError() throws Exception {
    // Stored by "another version": bytes that are not this version's coded facts. Its moment is
    // long past, so it is never the newest release the other tests read.
    long id;
    try (java.sql.Connection c = database.getConnection();
        java.sql.PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO statistics_release (as_of, through_month, cut_by, scheduled, facts,"
                    + " facts_size) VALUES (timestamptz '2001-02-01 03:00+00', date '2001-01-01',"
                    + " 'test', false, ?, 4) RETURNING id")) {
      s.setBytes(1, new byte[] {1, 2, 3, 4});
      try (java.sql.ResultSet rs = s.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    Api.as(Tokens.analyst())
        .get("/api/v1/statistics/referrals?release=" + id)
        .then()
        .statusCode(409)
        .contentType(containsString("application/problem+json"))
        .body("detail", containsString("cannot be read"));
  }

  private long exactReads(long release) throws java.sql.SQLException {
    Sequenced.now();
    try (java.sql.Connection c = database.getConnection();
        java.sql.PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*) FROM audit_event WHERE action = 'statistics.read_exact'"
                    + " AND details->>'release' = ? AND actor_role = 'statistician'")) {
      s.setString(1, Long.toString(release));
      try (java.sql.ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String statistician() {
    return Tokens.role(Roles.STATISTICIAN, "official-statistician");
  }

  private static void submit(String agency, int times) {
    for (int i = 0; i < times; i++) {
      Referrals.submit(agency, Referrals.anAdultReferral());
    }
  }

  /** Runs with the clock at the middle of last month. */
  private static void inLastMonth(Runnable action) {
    inMonthsAgo(1, action);
  }

  /** Runs with the clock at the middle of the month this many months ago. */
  private static void inMonthsAgo(int months, Runnable action) {
    LocalDate day = YearMonth.from(LocalDate.now(LONDON)).minusMonths(months).atDay(15);
    TestClock.advance(
        Duration.between(TestClock.now(), day.atTime(12, 0).atZone(LONDON).toInstant()));
    try {
      action.run();
    } finally {
      TestClock.reset();
    }
  }
}
