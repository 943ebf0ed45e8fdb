package org.nrmreferrals.statistics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Releases;
import org.nrmreferrals.support.TestClock;
import org.nrmreferrals.support.Tokens;

/**
 * Statistics come from releases: frozen, the same for every reader, kept and listed; a question
 * asked again after a new referral gets the same answer until the next release.
 */
@QuarkusTest
class ReleaseTest {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

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
        .body("total.count", equalTo(10));
    long second = Releases.cut();
    Api.as(Tokens.analyst())
        .get(query)
        .then()
        .body("release", equalTo((int) second))
        .body("total.count", equalTo(15));
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

  private static void submit(String agency, int times) {
    for (int i = 0; i < times; i++) {
      Referrals.submit(agency, Referrals.anAdultReferral());
    }
  }

  /** Runs with the clock at the middle of last month. */
  private static void inLastMonth(Runnable action) {
    LocalDate day = YearMonth.from(LocalDate.now(LONDON)).minusMonths(1).atDay(15);
    TestClock.advance(
        Duration.between(TestClock.now(), day.atTime(12, 0).atZone(LONDON).toInstant()));
    try {
      action.run();
    } finally {
      TestClock.reset();
    }
  }
}
