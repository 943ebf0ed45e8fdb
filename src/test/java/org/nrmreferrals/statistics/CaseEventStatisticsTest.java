package org.nrmreferrals.statistics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nrmreferrals.support.Published.near;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Releases;
import org.nrmreferrals.support.TestClock;
import org.nrmreferrals.support.Tokens;

/**
 * Reconsiderations, disqualifications and ICTG referrals counted, with disclosure control (the
 * default instance: threshold 10, a cell-key noise of at most 2, no rounding), over a data set of
 * one agency's own in 2018, which no other test touches, read with that agency as a filter:
 *
 * <pre>
 *   2018-01-10  33 adults referred, 12 children in Greater Manchester (an ICTG area), 3 in Cumbria
 *   2018-02-01  21 adults: negative RG; 12 adults: positive RG
 *   2018-02-05  11 of the positive RGs disqualified: 10 on public order grounds, 1 in bad faith
 *   2018-02-20  11 reconsiderations on additional evidence (10 accepted, 1 declined),
 *               10 on the guidance not followed (all accepted)
 * </pre>
 */
@QuarkusTest
class CaseEventStatisticsTest {
  private static final String YEAR = "from=2018-01&to=2018-12";
  private static String agency;
  private static long release;

  @Inject DataSource dataSource;
  @Inject Clock clock;
  @Inject NrmConfig config;
  @Inject Protection protection;
  @Inject ObjectMapper json;

  @BeforeEach
  void loadTheDataSetOnce() {
    if (agency != null) {
      return;
    }
    String a = Agencies.police();
    at("2018-01-10T12:00:00Z");
    List<String> adults = new ArrayList<>();
    for (int i = 0; i < 33; i++) {
      adults.add(Referrals.submit(a, Referrals.anAdultReferral()));
    }
    for (int i = 0; i < 15; i++) {
      Map<String, Object> child = Referrals.aChildReferral();
      Referrals.person(child).put("dateOfBirth", "2006-05-01");
      Referrals.exploitation(child).put("policeForce", i < 12 ? "GREATER_MANCHESTER" : "CUMBRIA");
      Referrals.submit(a, child);
    }
    at("2018-02-01T12:00:00Z");
    for (String id : adults.subList(0, 21)) {
      Referrals.requestANegativeDecision(Tokens.caseworker(), id);
      Referrals.confirmHeldDecision(Tokens.caseworker(), id);
    }
    for (String id : adults.subList(21, 33)) {
      Referrals.move(Tokens.caseworker(), id, Map.of("to", "RG_POSITIVE"));
    }
    at("2018-02-05T12:00:00Z");
    for (int i = 0; i < 11; i++) {
      disqualify(adults.get(21 + i), i < 10 ? "PUBLIC_ORDER" : "BAD_FAITH");
    }
    at("2018-02-20T12:00:00Z");
    for (int i = 0; i < 21; i++) {
      String id = adults.get(i);
      String grounds = i < 11 ? "ADDITIONAL_EVIDENCE" : "NOT_IN_LINE_WITH_GUIDANCE";
      String request =
          Api.as(Tokens.partner(a))
              .body(Map.of("grounds", List.of(grounds), "reason", "A new statement"))
              .post("/api/v1/referrals/" + id + "/reconsideration-requests")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      Referrals.decideReconsideration(
              Tokens.caseworker(), id, request, i == 0 ? "DECLINED" : "ACCEPTED")
          .statusCode(200);
    }
    TestClock.reset();
    release = Releases.cut();
    agency = a;
  }

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void countsReconsiderationsByDecisionAndGroundsAndHidesTheOneDeclined() {
    get("reconsiderations", "")
        .statusCode(200)
        .body("groupBy", equalTo(List.of("grounds")))
        .body("filters.agency", equalTo(agency))
        .body("rows.size()", equalTo(2))
        .body("rows[0].decision", equalTo("RG_NEGATIVE"))
        .body("rows[0].grounds", equalTo("ADDITIONAL_EVIDENCE"))
        .body("rows[0].decided", near(11))
        // One declined: hidden, and the accepted beside it, or 11 - 10 would give it away.
        .body("rows[0].accepted", nullValue())
        .body("rows[0].declined", nullValue())
        .body("rows[0].suppressed", equalTo(List.of("accepted", "declined")))
        .body("rows[1].grounds", equalTo("NOT_IN_LINE_WITH_GUIDANCE"))
        .body("rows[1].decided", near(10))
        .body("rows[1].accepted", near(10))
        .body("rows[1].declined", equalTo(0))
        .body("total.size()", equalTo(3))
        .body("total[0].decision", equalTo("RG_NEGATIVE"))
        .body("total[0].decided", near(21))
        .body("total[0].accepted", nullValue())
        .body("total[0].declined", nullValue())
        .body("total[1].decision", equalTo("CG_NEGATIVE"))
        .body("total[1].decided", equalTo(0))
        .body("total[2].decision", equalTo("DISQUALIFICATION"))
        .body("total[2].decided", equalTo(0))
        .body("disclosureControl.roundingBase", equalTo(1));
  }

  @Test
  void groupsReconsiderationsByQuarterWithSubtotals() {
    get("reconsiderations", "&groupBy=quarter")
        .statusCode(200)
        .body("groupBy", equalTo(List.of("quarter", "grounds")))
        .body(
            "rows.findAll { it.decision == 'RG_NEGATIVE' }.quarter",
            equalTo(List.of("2018-Q1", "2018-Q1")))
        .body("margins.groupBy", equalTo(List.of(List.of("quarter"), List.of("grounds"))))
        .body("margins[0].rows.find { it.decision == 'RG_NEGATIVE' }.decided", near(21));
  }

  @Test
  void aDeclinedRequestIsNoNewDecision() {
    // 21 negative and 12 positive RGs; twenty accepted requests reopened decisions not yet retaken.
    get("decisions", "")
        .statusCode(200)
        .body("total.find { it.decision == 'REASONABLE_GROUNDS' }.issued", near(33))
        .body("total.find { it.decision == 'REASONABLE_GROUNDS' }.negative", near(21));
  }

  @Test
  void hidesOneBadFaithDisqualificationAndThePublicOrderOnesThatWouldGiveItAway() {
    get("disqualifications", "")
        .statusCode(200)
        .body("groupBy", equalTo(List.of("grounds")))
        .body("rows.grounds", equalTo(List.of("PUBLIC_ORDER", "BAD_FAITH")))
        .body("rows.count", equalTo(java.util.Arrays.asList(null, null)))
        .body("rows.suppressed", equalTo(List.of(true, true)))
        .body("total.count", near(11));
  }

  @Test
  void countsChildrenReferredToAGuardianInIctgAreasOnly() {
    get("ictg-referrals", "&groupBy=policeForce")
        .statusCode(200)
        .body("rows.policeForce", equalTo(List.of("GREATER_MANCHESTER")))
        .body("rows[0].count", near(12))
        .body("total.count", near(12));
    // The 15 children and 33 adults referred: 48.
    get("referrals", "").statusCode(200).body("total.count", near(48));
  }

  @Test
  void answersInCsvWithTheSameLines() {
    String csv =
        Api.as(Tokens.analyst())
            .accept("text/csv")
            .get(
                "/api/v1/statistics/reconsiderations?"
                    + YEAR
                    + "&agency="
                    + agency
                    + "&release="
                    + release)
            .then()
            .statusCode(200)
            .header("Disclosure-Control", containsString("threshold=10"))
            .extract()
            .asString();
    List<String> lines = csv.lines().toList();
    assertEquals("decision,grounds,decided,accepted,declined,suppressed", lines.get(0));
    // The same lines as the JSON answer, each count as published there.
    ValidatableResponse json = get("reconsiderations", "").statusCode(200);
    assertEquals(
        "RG_NEGATIVE,ADDITIONAL_EVIDENCE,"
            + json.extract().path("rows[0].decided")
            + ",,,accepted;declined",
        lines.get(1));
    assertEquals(
        "RG_NEGATIVE,NOT_IN_LINE_WITH_GUIDANCE,"
            + json.extract().path("rows[1].decided")
            + ","
            + json.extract().path("rows[1].accepted")
            + ",0,",
        lines.get(2));
    assertEquals(
        "RG_NEGATIVE,ALL," + json.extract().path("total[0].decided") + ",,,accepted;declined",
        lines.get(3));
    assertEquals(6, lines.size());
  }

  @Test
  void aSnapshotLoadedFromNothingCountsWhatTheOneKeptInStepCounts() throws Exception {
    // The service's snapshot was loaded at start and caught up as the data set came in; one
    // loaded now reads the same requests and disqualifications from their tables at once.
    StatisticsSnapshot fresh = new StatisticsSnapshot(dataSource, clock, config);
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    Instant asOf = fresh.writeCurrent(written);
    Release release =
        new Release(
            0,
            asOf,
            YearMonth.of(2018, 12),
            "test",
            false,
            CodedFacts.read(new DataInputStream(new ByteArrayInputStream(written.toByteArray()))));
    CaseEventTables tables = new CaseEventTables(protection);
    StatisticsQuery q =
        new StatisticsQuery(
            YearMonth.of(2018, 1),
            YearMonth.of(2018, 12),
            List.of(Dimension.QUARTER),
            Map.of(Dimension.AGENCY, agency));
    String served =
        get("reconsiderations", "&groupBy=quarter").statusCode(200).extract().asString();
    String loaded =
        json.readTree(json.writeValueAsString(tables.reconsiderations(release, q)))
            .toPrettyString();
    assertEquals(
        json.readTree(served).path("rows").toString(),
        json.readTree(loaded).path("rows").toString());
    assertEquals(
        json.readTree(served).path("margins").toString(),
        json.readTree(loaded).path("margins").toString());
    assertEquals(
        "[{\"grounds\":\"PUBLIC_ORDER\",\"count\":null,\"suppressed\":true},"
            + "{\"grounds\":\"BAD_FAITH\",\"count\":null,\"suppressed\":true}]",
        json.readTree(
                json.writeValueAsString(
                    tables.disqualifications(
                        release, new StatisticsQuery(q.from(), q.to(), List.of(), q.filters()))))
            .path("rows")
            .toString());
  }

  @Test
  void refusesAnUnknownFilterValue() {
    Api.as(Tokens.analyst())
        .get("/api/v1/statistics/disqualifications?" + YEAR + "&gender=PLURAL")
        .then()
        .statusCode(400)
        .contentType(containsString("application/problem+json"))
        .body("violations[0].field", equalTo("gender"));
  }

  // ---- helpers ----

  private static ValidatableResponse get(String table, String query) {
    return Api.as(Tokens.analyst())
        .get(
            "/api/v1/statistics/"
                + table
                + "?"
                + YEAR
                + "&agency="
                + agency
                + query
                + "&release="
                + release)
        .then();
  }

  private static void disqualify(String id, String grounds) {
    String caseworker = Tokens.caseworker();
    Api.as(caseworker)
        .header("If-Match", Referrals.etag(caseworker, id))
        .body(Map.of("grounds", grounds, "reason", "Sentenced"))
        .post("/api/v1/referrals/" + id + "/disqualification")
        .then()
        .statusCode(202);
    String second = Tokens.caseworker();
    Api.as(second)
        .header("If-Match", Referrals.etag(second, id))
        .post("/api/v1/referrals/" + id + "/disqualification/confirmation")
        .then()
        .statusCode(200);
  }

  private static void at(String instant) {
    TestClock.advance(Duration.between(TestClock.now(), Instant.parse(instant)));
  }
}
