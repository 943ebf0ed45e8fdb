package org.nrmreferrals.statistics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.nrmreferrals.support.Published.near;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Releases;
import org.nrmreferrals.support.TestClock;
import org.nrmreferrals.support.Tokens;

/**
 * Rounding of published counts: the default test instance rounds to a multiple of 5 (see
 * application.properties), and this test's referrals are the only ones made in 2024.
 */
@QuarkusTest
class RoundedStatisticsTest {

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void roundsPublishedCountsAndSaysSo() {
    String agency = Agencies.police();
    TestClock.advance(Duration.between(TestClock.now(), Instant.parse("2024-03-12T12:00:00Z")));
    for (int i = 0; i < 12; i++) {
      Referrals.submit(agency, Referrals.anAdultReferral());
    }
    for (int i = 0; i < 14; i++) {
      Referrals.submit(agency, Referrals.aChildReferral());
    }
    TestClock.reset();
    Releases.cut();
    // Adults 12 and children 14, total 26: published with a noise of at most 2, rounded to 5.
    Api.as(Tokens.analyst())
        .get("/api/v1/statistics/referrals?from=2024-01&to=2024-12&groupBy=ageAtExploitation")
        .then()
        .statusCode(200)
        .body("rows.find { it.ageAtExploitation == 'ADULT' }.count", near(12))
        .body("rows.find { it.ageAtExploitation == 'CHILD' }.count", near(14))
        .body("total.count", near(26))
        .body("disclosureControl.roundingBase", equalTo(5))
        .body("disclosureControl.maxNoise", equalTo(2))
        .body("disclosureControl.rule", containsString("cell-key method"))
        .body("disclosureControl.rule", containsString("nearest multiple of 5"));
  }
}
