package org.nrmreferrals.statistics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.security.Roles;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Releases;
import org.nrmreferrals.support.SecondInstance;
import org.nrmreferrals.support.TestClock;
import org.nrmreferrals.support.Tokens;

/**
 * Statistics over a known data set in a database of their own, checked against answers worked out
 * by hand (threshold 10):
 *
 * <pre>
 *   2025-01-15  12 x AL male, labour          3 x VN male, labour
 *   2025-02-14  15 x AL female, sexual+labour 11 x VN female, sexual
 *   2025-04-15  20 x GB girl, criminal (county lines)  1 x nationality not known, male, labour
 *   2025-03-10  RG decisions on February's referrals: 14 positive, 2 negative
 * </pre>
 */
@QuarkusTest
@TestProfile(SecondInstance.class)
class StatisticsTest {
  private static final String BASE = "/api/v1/statistics/";
  private static final String YEAR = "from=2025-01&to=2025-12";
  private static boolean loaded;

  /**
   * The release of the data set, named in every request: other tests of this instance cut releases
   * too, some with the clock moved on (a later moment makes a newer release).
   */
  private static long release;

  @BeforeEach
  void loadTheDataSetOnce() {
    if (loaded) {
      return;
    }
    // Each group from an agency of its own: the instance allows an agency 20 submissions a minute.
    at("2025-01-15T12:00:00Z");
    submit(12, "AL", "MALE", List.of("LABOUR"));
    submit(3, "VN", "MALE", List.of("LABOUR"));
    at("2025-02-14T12:00:00Z");
    List<String> february = submit(15, "AL", "FEMALE", List.of("SEXUAL", "LABOUR"));
    february.addAll(submit(11, "VN", "FEMALE", List.of("SEXUAL")));
    at("2025-04-15T12:00:00Z");
    String agency = Agencies.police();
    for (int i = 0; i < 20; i++) {
      Referrals.submit(agency, Referrals.aChildReferral());
    }
    submit(1, null, "MALE", List.of("LABOUR"));
    at("2025-03-10T12:00:00Z");
    for (int i = 0; i < 16; i++) {
      decide(february.get(i), i < 14 ? "RG_POSITIVE" : "RG_NEGATIVE");
    }
    TestClock.reset();
    release = Releases.cut();
    loaded = true;
  }

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void countsByNationalityAndHidesTheSmallCountAndOneMore() {
    // Year 2025: AL 27, GB 20, VN 14, not known 1. The 1 is primary; VN, the smallest other
    // count, is hidden too, or it would be the total (62) minus the rest.
    get(YEAR + "&groupBy=nationality")
        .statusCode(200)
        .body("asOf", notNullValue())
        .body("from", equalTo("2025-01"))
        .body("groupBy", equalTo(List.of("nationality")))
        .body("rows.size()", equalTo(4))
        .body("rows[0].nationality", equalTo("NOT_SPECIFIED"))
        .body("rows[0].count", nullValue())
        .body("rows[0].suppressed", equalTo(true))
        .body("rows[1].nationality", equalTo("AL"))
        .body("rows[1].nationalityName", equalTo("Albania"))
        .body("rows[1].count", equalTo(27))
        .body("rows[2].nationality", equalTo("GB"))
        .body("rows[2].count", equalTo(20))
        .body("rows[3].nationality", equalTo("VN"))
        .body("rows[3].count", nullValue())
        .body("rows[3].suppressed", equalTo(true))
        .body("total.count", equalTo(62))
        .body("disclosureControl.threshold", equalTo(10))
        .body("disclosureControl.roundingBase", equalTo(1))
        .body("disclosureControl.suppressedCells", equalTo(2))
        .body("lines", nullValue());
  }

  @Test
  void aBreakdownThatNoPatternProtectsIsRefusedWhole() {
    // Nationality x gender x exploitation type by month of 2025: most of its cells count under
    // 10, and the engine finds no pattern of hidden cells that keeps every hidden count from
    // following from the rows, columns and totals solved together. The months are withheld, not
    // published, so a period that needs them is refused.
    get("from=2025-01&to=2025-11&groupBy=nationality,gender,exploitationType")
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/disclosure-risk"))
        .body("detail", containsString("group by fewer dimensions"));
    // The whole year reads only the year's tables, protected on their own.
    get(YEAR + "&groupBy=nationality,gender,exploitationType")
        .statusCode(200)
        .body("total.count", equalTo(62))
        .body("disclosureControl.suppressedCells", greaterThan(0));
    // Its sub-tables are protected on their own and still answer.
    get(YEAR + "&groupBy=nationality,gender").statusCode(200).body("total.count", equalTo(62));
  }

  @Test
  void twoOverlappingPeriodsCannotBeSubtractedDownToAHiddenMonth() {
    // February to December differs from the whole year by January, where VN counts 3. Its
    // counts come from February and March (months) and the last three quarters; each
    // nationality has a hidden month or quarter there, so every row is hidden and only the
    // total (47 = 62 - January's 15, a count that is published anyway) stands.
    get("from=2025-02&to=2025-12&groupBy=nationality")
        .statusCode(200)
        .body("rows.count", everyItem(nullValue()))
        .body("rows.size()", equalTo(4))
        .body("total.count", equalTo(47));
    // January alone: VN's 3 is hidden, and so is AL's 12 beside it.
    get("from=2025-01&to=2025-01&groupBy=nationality")
        .statusCode(200)
        .body("rows.find { it.nationality == 'VN' }.count", nullValue())
        .body("rows.find { it.nationality == 'AL' }.count", nullValue())
        .body("total.count", equalTo(15));
    // The first quarter is a unit of its own: AL 27 and VN 14 over January to March.
    get("from=2025-01&to=2025-03&groupBy=nationality")
        .statusCode(200)
        .body("rows.find { it.nationality == 'AL' }.count", equalTo(27))
        .body("total.count", equalTo(41));
  }

  @Test
  void aFilterIsADimensionOfTheProtectedTable() {
    // Gender over the year: 46 female, 16 male, all published.
    get(YEAR + "&groupBy=gender")
        .statusCode(200)
        .body("rows.find { it.gender == 'FEMALE' }.count", equalTo(46))
        .body("rows.find { it.gender == 'MALE' }.count", equalTo(16));
    // VN alone: 11 female, 3 male. The 3 is hidden, and so is VN's total (14), as in the
    // nationality table, so neither can be worked back from the other.
    get(YEAR + "&groupBy=gender&nationality=VN")
        .statusCode(200)
        .body("filters.nationality", equalTo("VN"))
        .body("rows.find { it.gender == 'FEMALE' }.count", equalTo(11))
        .body("rows.find { it.gender == 'MALE' }.count", nullValue())
        .body("total.count", nullValue())
        .body("total.suppressed", equalTo(true));
    // The males by nationality: AL's 12 stands; VN's 3 and the 1 not known are both hidden, so
    // 16 - 12 leaves their sum only.
    get(YEAR + "&groupBy=nationality,gender")
        .statusCode(200)
        .body("rows.find { it.nationality == 'AL' && it.gender == 'MALE' }.count", equalTo(12))
        .body("rows.find { it.nationality == 'VN' && it.gender == 'MALE' }.count", nullValue())
        .body(
            "rows.find { it.nationality == 'NOT_SPECIFIED' && it.gender == 'MALE' }.count",
            nullValue())
        .body("margins.groupBy", equalTo(List.of(List.of("nationality"), List.of("gender"))))
        .body("margins[1].rows.find { it.gender == 'MALE' }.count", equalTo(16));
  }

  @Test
  void aPopulationBelowTheThresholdShowsOnlySuppressedCells() {
    get(YEAR + "&groupBy=gender&nationality=NOT_SPECIFIED")
        .statusCode(200)
        .body("rows.count", everyItem(nullValue()))
        .body("rows.suppressed", everyItem(equalTo(true)))
        .body("total.count", nullValue());
  }

  @Test
  void countsAReferralOncePerExploitationTypeAndOnceInItsProfile() {
    get(YEAR + "&groupBy=exploitationType")
        .statusCode(200)
        .body("rows.find { it.exploitationType == 'LABOUR' }.count", equalTo(31))
        .body("rows.find { it.exploitationType == 'SEXUAL' }.count", equalTo(26))
        .body("rows.find { it.exploitationType == 'CRIMINAL' }.count", equalTo(20))
        .body("total.count", equalTo(62));
    get(YEAR + "&groupBy=exploitationProfile,countyLines")
        .statusCode(200)
        .body("margins[0].rows.find { it.exploitationProfile == 'MULTIPLE' }.count", equalTo(15))
        .body("margins[0].rows.find { it.exploitationProfile == 'LABOUR' }.count", equalTo(16))
        .body("margins[1].rows.find { it.countyLines == true }.count", equalTo(20));
  }

  @Test
  void countsTheExactCombinationOfTypesTheNationTheAuthorityAndTheAgeGroupAtReferral() {
    // Labour alone 16 (12 AL, 3 VN, 1 not known), sexual and labour 15, sexual alone 11,
    // criminal alone 20: the Home Office's combinations, named as it names them.
    get(YEAR + "&groupBy=exploitationCombination,nation")
        .statusCode(200)
        .body("margins[0].groupBy", equalTo(List.of("exploitationCombination")))
        .body(
            "margins[0].rows.exploitationCombination",
            equalTo(List.of("LABOUR", "SEXUAL", "SEXUAL_AND_LABOUR", "CRIMINAL")))
        .body(
            "margins[0].rows.exploitationCombinationName",
            equalTo(List.of("Labour", "Sexual", "Sexual & Labour", "Criminal")))
        .body("margins[0].rows.count", equalTo(List.of(16, 11, 15, 20)))
        // Every referral was exploited in the Metropolitan Police's area: England.
        .body("margins[1].rows.nation", equalTo(List.of("ENGLAND")))
        .body("margins[1].rows[0].count", equalTo(62));
    get(YEAR + "&groupBy=competentAuthority,ageGroupAtReferral")
        .statusCode(200)
        .body("margins[0].rows.find { it.competentAuthority == 'SCA' }.count", equalTo(62))
        .body("margins[1].rows.find { it.ageGroupAtReferral == 'ADULT' }.count", equalTo(42))
        .body("margins[1].rows.find { it.ageGroupAtReferral == 'CHILD' }.count", equalTo(20));
    get(YEAR + "&exploitationCombination=LABOUR_AND_CRIMINAL").statusCode(200);
    get(YEAR + "&exploitationCombination=CRIMINAL_AND_LABOUR").statusCode(400);
  }

  @Test
  void rebuildsCatalogueTablesInTheHomeOfficesLayout() {
    String catalogue = Tokens.role(Roles.ANALYST, "catalogue-test");
    Api.as(catalogue)
        .get(BASE + "tables")
        .then()
        .statusCode(200)
        .body("code", hasItems("referrals-by-age-and-location", "rg-decisions-by-age"))
        .body(
            "find { it.code == 'referrals-by-age-and-location' }.homeOfficeTable",
            equalTo("Table 2"))
        .body(
            "find { it.code == 'rg-decisions-by-age' }.groupBy",
            equalTo(List.of("quarter", "ageAtExploitation")));
    // Table 2's shape: 41 adults in Q1, all exploited in the UK and overseas; 20 children and
    // 1 adult in Q2.
    Api.as(catalogue)
        .get(BASE + "tables/referrals-by-age-and-location?period=2025&release=" + release)
        .then()
        .statusCode(200)
        .body("table.code", equalTo("referrals-by-age-and-location"))
        .body(
            "figures.groupBy",
            equalTo(List.of("quarter", "ageAtExploitation", "exploitationLocation")))
        .body("figures.filters.kind", equalTo("NRM"))
        .body("figures.total.count", equalTo(62))
        .body(
            "figures.margins.find { it.groupBy == ['quarter'] }.rows.find { it.quarter == '2025-Q1' }"
                + ".count",
            equalTo(41));
    // Table 16's: the RG decisions of the first quarter only, by age.
    Api.as(catalogue)
        .get(BASE + "tables/rg-decisions-by-age?period=2025-Q1&release=" + release)
        .then()
        .statusCode(200)
        .body("figures.from", equalTo("2025-01"))
        .body("figures.to", equalTo("2025-03"))
        .body("figures.total.decision", equalTo(List.of("REASONABLE_GROUNDS")))
        .body("figures.total[0].issued", equalTo(16));
    String csv =
        Api.as(catalogue)
            .accept("text/csv")
            .get(BASE + "tables/duty-to-notify-by-quarter?period=2025&release=" + release)
            .then()
            .statusCode(200)
            .header("Statistics-Release", notNullValue())
            .extract()
            .asString();
    assertEquals("quarter,count,suppressed\r\nALL,0,\r\n", csv);
    // Table 13's five-way shape: police first responders by organisation, exploitation type,
    // age, gender and nationality, with the Home Office's nested totals. Statisticians only: an
    // analyst is refused, a statistician reads the exact figures (the 3 VN men too).
    Api.as(catalogue)
        .get(BASE + "tables/referrals-five-way-police?period=2025&release=" + release)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("statisticians only"));
    String statistician = Tokens.role(Roles.STATISTICIAN, "catalogue-test");
    Api.as(catalogue)
        .get(BASE + "tables")
        .then()
        .body("find { it.code == 'referrals-five-way-police' }.statisticiansOnly", equalTo(true))
        .body("find { it.code == 'referrals-by-nation' }.statisticiansOnly", equalTo(false));
    Api.as(statistician)
        .get(BASE + "tables/referrals-five-way-police?period=2025&release=" + release)
        .then()
        .statusCode(200)
        .body(
            "figures.groupBy",
            equalTo(
                List.of(
                    "agency",
                    "exploitationCombination",
                    "ageAtExploitation",
                    "gender",
                    "nationality")))
        .body("figures.filters.agencyType", equalTo("POLICE"))
        .body("figures.disclosureControl.exact", equalTo(true))
        .body("figures.total.count", equalTo(62))
        .body(
            "figures.rows.find { it.nationality == 'AL' && it.gender == 'MALE' }"
                + ".exploitationCombination",
            equalTo("LABOUR"))
        .body(
            "figures.rows.find { it.nationality == 'AL' && it.gender == 'MALE' }.count",
            equalTo(12))
        .body(
            "figures.rows.find { it.nationality == 'VN' && it.gender == 'MALE' }.count", equalTo(3))
        .body(
            "figures.margins.groupBy",
            equalTo(
                List.of(
                    List.of("agency", "exploitationCombination", "ageAtExploitation", "gender"),
                    List.of("agency", "exploitationCombination", "ageAtExploitation"),
                    List.of("agency", "exploitationCombination"),
                    List.of("agency"),
                    List.of("nationality"))))
        .body(
            "figures.margins.find { it.groupBy == ['nationality'] }.rows"
                + ".find { it.nationality == 'GB' }.count",
            equalTo(20));
    String fiveWay =
        Api.as(statistician)
            .accept("text/csv")
            .get(BASE + "tables/referrals-five-way-police?period=2025-Q2&release=" + release)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(
        fiveWay.startsWith(
            "agency,exploitationCombination,exploitationCombinationName,ageAtExploitation,gender,"
                + "nationality,nationalityName,count,suppressed\r\n"),
        fiveWay);
    assertTrue(fiveWay.contains(",GB,United Kingdom,20,"), fiveWay);
    Api.as(catalogue).get(BASE + "tables/table-99?period=2025").then().statusCode(404);
    Api.as(catalogue).get(BASE + "tables/rg-decisions-by-age").then().statusCode(400);
    Api.as(catalogue)
        .get(BASE + "tables/rg-decisions-by-age?period=2025-Q5")
        .then()
        .statusCode(400);
  }

  @Test
  void groupsByQuarterAndAgeWithAKindFilter() {
    // Adults: 41 in Q1, 1 in Q2; children: 20 in Q2. The 1 is primary; Q2's 20 children hide
    // beside it (Q2 totals 21), and Q1's 41 adults too (adults total 42 over the year); Q1 then
    // hides its zero children, or its 41 adults would be its total.
    get(YEAR + "&groupBy=quarter,ageAtExploitation&kind=NRM")
        .statusCode(200)
        .body("rows.size()", equalTo(4))
        .body("rows.count", everyItem(nullValue()))
        .body(
            "rows.find { it.quarter == '2025-Q1' && it.ageAtExploitation == 'CHILD' }.suppressed",
            equalTo(true))
        .body("margins[0].groupBy", equalTo(List.of("quarter")))
        .body("margins[0].rows.find { it.quarter == '2025-Q1' }.count", equalTo(41))
        .body("margins[0].rows.find { it.quarter == '2025-Q2' }.count", equalTo(21))
        .body("margins[1].rows.find { it.ageAtExploitation == 'ADULT' }.count", equalTo(42))
        .body("margins[1].rows.find { it.ageAtExploitation == 'CHILD' }.count", equalTo(20))
        .body("total.count", equalTo(62))
        .body("disclosureControl.suppressedCells", equalTo(4));
  }

  @Test
  void countsDecisionsAndTheSharePositive() {
    // 16 RG decisions in March: 14 positive, 2 negative. The 2 is hidden, so the 14 is too
    // (it would be 16 - 2); no share is given.
    get("decisions", YEAR)
        .statusCode(200)
        .body("total[0].decision", equalTo("REASONABLE_GROUNDS"))
        .body("total[0].issued", equalTo(16))
        .body("total[0].positive", nullValue())
        .body("total[0].negative", nullValue())
        .body("total[0].suppressed", equalTo(List.of("positive", "negative")))
        .body("total[0].positiveShare", nullValue())
        .body("total[1].decision", equalTo("CONCLUSIVE_GROUNDS"))
        .body("total[1].issued", equalTo(0));
    // AL's February referrals took the first 14 decisions, all positive.
    get("decisions", YEAR + "&groupBy=nationality")
        .statusCode(200)
        .body(
            "rows.find { it.decision == 'REASONABLE_GROUNDS' && it.nationality == 'AL' }"
                + ".positive",
            nullValue());
  }

  @Test
  void givesTheMedianDaysFromReferralToDecisionByTheDecisionsPeriod() {
    // The 16 RG decisions of 2025-03-10 were on referrals of 2025-02-14: 24 days each. AL's 15
    // are enough for a median; VN's one is not.
    get("time-to-decision", YEAR + "&groupBy=quarter,nationality")
        .statusCode(200)
        .body("total[0].decision", equalTo("REASONABLE_GROUNDS"))
        .body("total[0].medianDaysFromReferral", equalTo(24))
        .body("total[1].decision", equalTo("CONCLUSIVE_GROUNDS"))
        .body("total[1].medianDaysFromReferral", nullValue())
        .body(
            "rows.find { it.nationality == 'AL' && it.quarter == '2025-Q1' }.medianDaysFromReferral",
            equalTo(24))
        .body("rows.find { it.nationality == 'VN' }.medianDaysFromReferral", nullValue())
        .body("rows.find { it.nationality == 'VN' }.suppressed", equalTo(true))
        .body("disclosureControl.rule", containsString("never one case's own value"));
  }

  @Test
  void reportsTheBacklogByAgeOfCaseWithMedians() {
    // 14 positive RGs await a CG; referred 2025-02-14, decided 2025-03-10 (24 days).
    int days =
        (int) Duration.between(Instant.parse("2025-02-14T12:00:00Z"), TestClock.now()).toDays();
    String bucket = Statistics.AGES_OF_CASE.get(Statistics.ageOfCase(days));
    getBacklog("")
        .statusCode(200)
        .body("rows.find { it.ageOfCase == '" + bucket + "' }.count", equalTo(14))
        .body("total.count", equalTo(14))
        .body("total.medianDaysReferralToRg", equalTo(24))
        .body("total.medianDaysRgToCg", nullValue());
    getBacklog("?groupBy=nationality")
        .statusCode(200)
        .body("margins[0].groupBy", equalTo(List.of("nationality")))
        .body("margins[0].rows.find { it.nationality == 'AL' }.count", equalTo(14));
    getBacklog("?groupBy=quarter").statusCode(400);
  }

  @Test
  void answersInCsvWithTheSameLines() {
    String csv =
        Api.as(analyst())
            .accept("text/csv")
            .get(BASE + "referrals?" + YEAR + "&groupBy=nationality&release=" + release)
            .then()
            .statusCode(200)
            .contentType(containsString("text/csv"))
            .header("Statistics-As-Of", notNullValue())
            .header("Disclosure-Control", containsString("threshold=10"))
            .extract()
            .asString();
    assertEquals(
        "nationality,nationalityName,count,suppressed\r\n"
            + "NOT_SPECIFIED,Not specified,,true\r\n"
            + "AL,Albania,27,\r\n"
            + "GB,United Kingdom,20,\r\n"
            + "VN,Vietnam,,true\r\n"
            + "ALL,ALL,62,\r\n",
        csv);
  }

  @Test
  void refusesDaysUnknownParametersAndTooManyDimensions() {
    get("from=2025-01-15&to=2025-12")
        .statusCode(400)
        .contentType(containsString("application/problem+json"))
        .body("violations.field", hasItems("from"))
        .body("violations[0].message", containsString("whole months"));
    get(YEAR + "&nationalty=AL").statusCode(400).body("violations.field", hasItems("nationalty"));
    get(YEAR + "&groupBy=gender,kind,status,jurisdiction").statusCode(400);
    get(YEAR + "&groupBy=year,month").statusCode(400);
    get(YEAR + "&groupBy=gender&gender=MALE").statusCode(400);
    get(YEAR + "&nationality=QQ").statusCode(400);
    get("from=2025-12&to=2025-01").statusCode(400);
    get("from=2015-01&to=2025-12").statusCode(400);
    get(YEAR + "&year=2025").statusCode(400);
  }

  @Test
  void isForAnalystsAndAdminsOnly() {
    String partner = Tokens.partner(Agencies.police());
    for (String path : List.of("referrals", "decisions", "backlog")) {
      Api.anonymous().get(BASE + path).then().statusCode(401);
      Api.as(partner).get(BASE + path).then().statusCode(403);
      Api.as(Tokens.caseworker()).get(BASE + path).then().statusCode(403);
      Api.as(analyst()).get(BASE + path).then().statusCode(200);
      Api.as(Tokens.admin()).get(BASE + path).then().statusCode(200);
    }
  }

  // ---- helpers ----

  /** An analyst of this test's own: the instance allows each 60 statistics requests a minute. */
  private static String analyst() {
    return Tokens.role(Roles.ANALYST, "statistics-test");
  }

  private static ValidatableResponse get(String query) {
    return get("referrals", query);
  }

  private static ValidatableResponse get(String path, String query) {
    return Api.as(analyst()).get(BASE + path + "?" + query + "&release=" + release).then();
  }

  private static ValidatableResponse getBacklog(String query) {
    return Api.as(analyst())
        .get(BASE + "backlog" + (query.isEmpty() ? "?" : query + "&") + "release=" + release)
        .then();
  }

  private static void at(String instant) {
    TestClock.advance(Duration.between(TestClock.now(), Instant.parse(instant)));
  }

  private static List<String> submit(
      int times, String nationality, String gender, List<String> types) {
    String agency = Agencies.police();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      Map<String, Object> body = Referrals.anAdultReferral();
      Referrals.person(body)
          .put("nationalities", nationality == null ? List.of() : List.of(nationality));
      Referrals.person(body).put("gender", gender);
      Referrals.exploitation(body).put("types", types);
      ids.add(Referrals.submit(agency, body));
    }
    return ids;
  }

  private static void decide(String id, String to) {
    String caseworker = Tokens.caseworker();
    Map<String, Object> body = new HashMap<>();
    body.put("to", to);
    if (to.endsWith("NEGATIVE")) {
      body.put("reason", "Insufficient evidence");
    }
    Api.as(caseworker)
        .header("If-Match", Referrals.etag(caseworker, id))
        .body(body)
        .post("/api/v1/referrals/" + id + "/transitions")
        .then()
        .statusCode(to.endsWith("NEGATIVE") ? 202 : 200);
    if (to.endsWith("NEGATIVE")) {
      String second = Tokens.caseworker();
      Api.as(second)
          .header("If-Match", Referrals.etag(second, id))
          .post("/api/v1/referrals/" + id + "/pending-decision/confirmation")
          .then()
          .statusCode(200);
    }
  }
}
