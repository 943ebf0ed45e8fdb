package org.nrmreferrals.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Releases;
import org.nrmreferrals.support.TestClock;
import org.nrmreferrals.support.Tokens;

/**
 * The attacks that subtract two answers down to one person, tried on ten agencies at once (the
 * noise of one cell cancels with a chance of about 0.28; of all ten, about 3 in a million): a count
 * asked in two releases that differ by one referral, and a derived dimension (exploitationProfile)
 * against its source (exploitationType). Without perturbation every difference is exactly that one
 * person.
 */
@QuarkusTest
class DifferencingTest {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final int AGENCIES = 10;

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void twoReleasesDoNotDifferByExactlyTheOneReferralMadeBetweenThem() {
    // A month of this test's own: four months ago. Each agency refers 14 people exploited for
    // labour alone and 10 sexually and criminally: every cell counts 10 or more.
    YearMonth month = YearMonth.from(LocalDate.now(LONDON)).minusMonths(4);
    List<String> agencies = new ArrayList<>();
    inMonth(
        month,
        () -> {
          for (int a = 0; a < AGENCIES; a++) {
            String agency = Agencies.police();
            agencies.add(agency);
            for (int i = 0; i < 14; i++) {
              Referrals.submit(agency, exploited(List.of("LABOUR")));
            }
            for (int i = 0; i < 10; i++) {
              Referrals.submit(agency, exploited(List.of("SEXUAL", "CRIMINAL")));
            }
          }
        });
    long first = Releases.cut();
    // One more each, exploited for labour and sexually: the one person the attacks look for.
    inMonth(
        month,
        () -> agencies.forEach(a -> Referrals.submit(a, exploited(List.of("LABOUR", "SEXUAL")))));
    long second = Releases.cut();
    int exactlyOne = 0;
    int typeMinusProfileIsOne = 0;
    for (String agency : agencies) {
      String query = "agency=" + agency + "&from=" + month + "&to=" + month;
      int before = total("referrals?" + query + "&release=" + first);
      int after = total("referrals?" + query + "&release=" + second);
      if (after - before == 1) {
        exactlyOne++;
      }
      // In the second release, 15 name labour and 14 have labour alone: a derived dimension and
      // its source, each published with the noise of its own cell.
      Integer labour = count("exploitationType", "LABOUR", query + "&release=" + second);
      Integer labourAlone = count("exploitationProfile", "LABOUR", query + "&release=" + second);
      if (labour != null && labourAlone != null && labour - labourAlone == 1) {
        typeMinusProfileIsOne++;
      }
      // The statistician's exact figures: the one referral, and the one multiple-type referral.
      assertEquals(
          1,
          exact("referrals?" + query + "&release=" + second)
              - exact("referrals?" + query + "&release=" + first));
    }
    assertTrue(
        exactlyOne < AGENCIES,
        "every one of " + AGENCIES + " agencies' totals differs by exactly one referral");
    assertTrue(
        typeMinusProfileIsOne < AGENCIES,
        "exploitationType minus exploitationProfile gives the one referral for every agency");
  }

  private static Map<String, Object> exploited(List<String> types) {
    Map<String, Object> body = Referrals.anAdultReferral();
    Referrals.exploitation(body).put("types", new ArrayList<>(types));
    return body;
  }

  private static int total(String path) {
    return Api.as(Tokens.analyst())
        .get("/api/v1/statistics/" + path)
        .then()
        .statusCode(200)
        .extract()
        .path("total.count");
  }

  private static int exact(String path) {
    return Api.as(Tokens.role(org.nrmreferrals.security.Roles.STATISTICIAN, "differencing"))
        .get("/api/v1/statistics/" + path)
        .then()
        .statusCode(200)
        .extract()
        .path("total.count");
  }

  private static Integer count(String dimension, String value, String query) {
    return Api.as(Tokens.analyst())
        .get("/api/v1/statistics/referrals?groupBy=" + dimension + "&" + query)
        .then()
        .statusCode(200)
        .extract()
        .path("rows.find { it." + dimension + " == '" + value + "' }.count");
  }

  private static void inMonth(YearMonth month, Runnable action) {
    TestClock.advance(
        Duration.between(
            TestClock.now(), month.atDay(15).atTime(12, 0).atZone(LONDON).toInstant()));
    try {
      action.run();
    } finally {
      TestClock.reset();
    }
  }
}
