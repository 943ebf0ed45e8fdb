package org.nrmreferrals.referral;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nrmreferrals.support.Referrals.aChildReferral;
import static org.nrmreferrals.support.Referrals.aDutyToNotifyReport;
import static org.nrmreferrals.support.Referrals.anAdultReferral;
import static org.nrmreferrals.support.Referrals.exploitation;
import static org.nrmreferrals.support.Referrals.person;
import static org.nrmreferrals.support.Referrals.submit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Tokens;

@QuarkusTest
class ReferralReadingTest {

  @Test
  void showsAPartnerItsOwnReferralWithAnETag() {
    String agency = Agencies.police();
    String id = submit(agency, anAdultReferral());
    Api.as(Tokens.partner(agency))
        .get("/api/v1/referrals/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("id", equalTo(id))
        .body("potentialVictim.givenName", equalTo("Ana"));
  }

  @Test
  void hidesOtherAgenciesReferralsExactlyLikeMissingOnes() {
    String id = submit(Agencies.police(), anAdultReferral());
    String stranger = Tokens.partner(Agencies.ngo());
    JsonPath other =
        Api.as(stranger).get("/api/v1/referrals/" + id).then().statusCode(404).extract().jsonPath();
    String missing = UUID.randomUUID().toString();
    JsonPath absent =
        Api.as(stranger)
            .get("/api/v1/referrals/" + missing)
            .then()
            .statusCode(404)
            .extract()
            .jsonPath();
    assertEquals(absent.getString("title"), other.getString("title"));
    assertEquals(absent.getString("detail").replace(missing, id), other.getString("detail"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"caseworker", "admin"})
  void showsAnyAgencysReferralToTheOwningAuthoritysCaseworkersAndToAdmins(String role) {
    String id = submit(Agencies.ngo(), aChildReferral());
    Api.as(role.equals("caseworker") ? Tokens.caseworker() : Tokens.role(role, "x"))
        .get("/api/v1/referrals/" + id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id));
  }

  @Test
  void refusesAnalystsIndividualReferrals() {
    String id = submit(Agencies.police(), anAdultReferral());
    Api.as(Tokens.analyst()).get("/api/v1/referrals/" + id).then().statusCode(403);
    Api.as(Tokens.analyst()).get("/api/v1/referrals").then().statusCode(403);
  }

  @Test
  void refusesAnonymousReading() {
    Api.anonymous().get("/api/v1/referrals").then().statusCode(401);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-uuid", "1-1-1-1-1", "00000000000000000000000000000000"})
  void refusesAMalformedId(String id) {
    Api.as(Tokens.caseworker())
        .get("/api/v1/referrals/" + id)
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("id"));
  }

  @Test
  void answersNotModifiedForACurrentETag() {
    String agency = Agencies.police();
    String id = submit(agency, anAdultReferral());
    Api.as(Tokens.partner(agency))
        .header("If-None-Match", "\"0\"")
        .get("/api/v1/referrals/" + id)
        .then()
        .statusCode(304);
  }

  @Test
  void listsOnlyThePartnersOwnReferralsWithoutPersonalData() {
    String mine = Agencies.police();
    String theirs = Agencies.police();
    submit(mine, anAdultReferral());
    submit(theirs, anAdultReferral());
    Api.as(Tokens.partner(mine))
        .get("/api/v1/referrals")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].referringAgency.code", equalTo(mine))
        .body("items[0]", not(hasKey("potentialVictim")))
        .body("items[0]", not(hasKey("account")))
        .body("nextCursor", nullValue());
  }

  @Test
  void walksPagesWithoutSkippingOrRepeating() {
    String agency = Agencies.police();
    List<String> submitted = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      submitted.add(submit(agency, anAdultReferral()));
    }
    String token = Tokens.partner(agency);
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var request = Api.as(token).queryParam("limit", 3);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
        submit(agency, anAdultReferral()); // arrives mid-walk; newest-first puts it behind us
      }
      JsonPath page = request.get("/api/v1/referrals").then().statusCode(200).extract().jsonPath();
      seen.addAll(page.getList("items.id"));
      cursor = page.getString("nextCursor");
      pages++;
    } while (cursor != null);
    assertEquals(3, pages);
    assertEquals(seen.size(), new HashSet<>(seen).size(), "no item repeated");
    assertEquals(new HashSet<>(submitted), new HashSet<>(seen), "no item skipped");
    List<String> newestFirst = new ArrayList<>(submitted);
    Collections.reverse(newestFirst);
    assertEquals(newestFirst, seen, "newest first");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "201", "-1", "ten", "1.5"})
  void refusesALimitOutsideOneTo200(String limit) {
    Api.as(Tokens.caseworker())
        .queryParam("limit", limit)
        .get("/api/v1/referrals")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("limit"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "MTIz", "bm90L2EtdXVpZA"})
  void refusesACursorItDidNotIssue(String cursor) {
    Api.as(Tokens.caseworker())
        .queryParam("cursor", cursor)
        .get("/api/v1/referrals")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("cursor"));
  }

  @Test
  void filtersByEveryListedField() {
    String agency = Agencies.police();
    String adult = submit(agency, anAdultReferral());
    Map<String, Object> child = aChildReferral();
    person(child).put("countryOfOrigin", "VN");
    person(child).put("nationalities", List.of("VN", "GB"));
    String childId = submit(agency, child);
    String dtn = submit(agency, aDutyToNotifyReport());
    String token = Tokens.partner(agency);
    assertFilter(token, "kind", "DUTY_TO_NOTIFY", List.of(dtn));
    assertFilter(token, "status", "NOTIFIED", List.of(dtn));
    assertFilter(token, "status", "SUBMITTED", List.of(childId, adult));
    assertFilter(token, "nationality", "VN", List.of(childId));
    assertFilter(token, "countryOfOrigin", "VN", List.of(childId));
    assertFilter(token, "exploitationType", "CRIMINAL", List.of(childId));
    assertFilter(token, "exploitationType", "SEXUAL", List.of(dtn, adult));
    assertFilter(token, "ageAtExploitation", "CHILD", List.of(childId));
    String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
    assertFilter(token, "submittedFrom", today, List.of(dtn, childId, adult));
    assertFilter(token, "submittedTo", LocalDate.parse(today).minusDays(1).toString(), List.of());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "status=DONE",
        "kind=OTHER",
        "nationality=ALB",
        "countryOfOrigin=zz",
        "exploitationType=FORCED",
        "ageAtExploitation=OLD",
        "submittedFrom=yesterday",
        "submittedTo=2026-13-01"
      })
  void refusesAnInvalidFilterNamingIt(String filter) {
    String[] pair = filter.split("=");
    Api.as(Tokens.caseworker())
        .queryParam(pair[0], pair[1])
        .get("/api/v1/referrals")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo(pair[0]));
  }

  @Test
  void refusesAnInvertedDateRange() {
    Api.as(Tokens.caseworker())
        .queryParam("submittedFrom", "2026-02-01")
        .queryParam("submittedTo", "2026-01-01")
        .get("/api/v1/referrals")
        .then()
        .statusCode(400);
  }

  @Test
  void showsCaseworkersEveryAgencysReferrals() {
    String first = Agencies.police();
    String second = Agencies.ngo();
    Map<String, Object> body = anAdultReferral();
    String nationality = "TD";
    person(body).put("nationalities", List.of(nationality));
    exploitation(body).put("types", List.of("ORGAN_HARVESTING"));
    submit(first, body);
    submit(second, body);
    Api.as(Tokens.caseworker())
        .queryParam("nationality", nationality)
        .queryParam("exploitationType", "ORGAN_HARVESTING")
        .queryParam("limit", 200)
        .get("/api/v1/referrals")
        .then()
        .statusCode(200)
        .body("items.referringAgency.code", hasItem(first))
        .body("items.referringAgency.code", hasItem(second))
        .body("items.nationalities", everyItem(hasItem(nationality)));
  }

  private static void assertFilter(String token, String name, String value, List<String> ids) {
    List<String> found =
        Api.as(token)
            .queryParam(name, value)
            .get("/api/v1/referrals")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.id");
    assertEquals(ids, found, name + "=" + value);
  }
}
