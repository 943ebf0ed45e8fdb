package org.nrmreferrals.referral.intake;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.nrmreferrals.support.Referrals.aChildReferral;
import static org.nrmreferrals.support.Referrals.aDutyToNotifyReport;
import static org.nrmreferrals.support.Referrals.anAdultReferral;
import static org.nrmreferrals.support.Referrals.exploitation;
import static org.nrmreferrals.support.Referrals.person;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.TestClock;
import org.nrmreferrals.support.Tokens;

@QuarkusTest
class ReferralIntakeTest {

  @Test
  void acceptsACompleteAdultReferral() {
    String agency = Agencies.police();
    Map<String, Object> body = anAdultReferral();
    String family = (String) person(body).get("familyName");
    String id =
        Api.as(Tokens.partner(agency))
            .body(body)
            .post("/api/v1/referrals")
            .then()
            .statusCode(201)
            .header("ETag", "\"0\"")
            .body("reference", matchesPattern("NRM-\\d{4}-\\d{6}"))
            .body("kind", equalTo("NRM"))
            .body("status", equalTo("SUBMITTED"))
            .body("referringAgency.code", equalTo(agency))
            .body("referringAgency.type", equalTo("POLICE"))
            .body("submittedAt", notNullValue())
            .body("indicatorCatalogueVersion", equalTo(1))
            .body("version", equalTo(0))
            .body("potentialVictim.givenName", equalTo("Ana"))
            .body("potentialVictim.aliases", equalTo(List.of("Anna " + family)))
            .body("potentialVictim.dateOfBirth", equalTo("1999-04-02"))
            .body("potentialVictim.nationalities", equalTo(List.of("AL")))
            .body("exploitation.types", equalTo(List.of("SEXUAL", "LABOUR")))
            .body("exploitation.overseasCountries", equalTo(List.of("IT")))
            .body("exploitation.policeForce", equalTo("METROPOLITAN"))
            .body("indicators", equalTo(List.of("DEBT_BONDAGE", "WITHHOLDS_DOCUMENTS")))
            .body("consent.support", equalTo(true))
            .body("supportNeeds", equalTo(List.of("ACCOMMODATION", "INTERPRETER")))
            .body("account", equalTo("What the officer saw and was told."))
            .extract()
            .path("id");
    Api.as(Tokens.partner(agency))
        .get("/api/v1/referrals/" + id)
        .then()
        .statusCode(200)
        .body("potentialVictim.familyName", equalTo(family));
  }

  @Test
  void pointsLocationAtTheNewReferral() {
    String agency = Agencies.police();
    var response = Api.as(Tokens.partner(agency)).body(anAdultReferral()).post("/api/v1/referrals");
    response.then().statusCode(201);
    String id = response.path("id");
    response.then().header("Location", containsString("/api/v1/referrals/" + id));
  }

  @Test
  void acceptsAChildWithoutConsent() {
    Api.as(Tokens.partner(Agencies.ngo()))
        .body(aChildReferral())
        .post("/api/v1/referrals")
        .then()
        .statusCode(201)
        .body("status", equalTo("SUBMITTED"))
        .body("consent", nullValue())
        .body("exploitation.countyLines", equalTo(true));
  }

  @Test
  void refusesAnAdultWithoutConsentAndPointsToDutyToNotify() {
    Map<String, Object> body = anAdultReferral();
    body.put("consent", Map.of("referral", false));
    refused(Agencies.police(), body)
        .body("violations.field", equalTo(List.of("consent.referral")))
        .body("violations[0].message", containsString("DUTY_TO_NOTIFY"));
  }

  @Test
  void refusesADutyToNotifyReportOfAChildOrOfAPersonWhoMayBeOne() {
    for (String age : List.of("CHILD", "UNKNOWN_POSSIBLY_CHILD")) {
      Map<String, Object> body = aDutyToNotifyReport();
      body.put("ageGroupAtReferral", age);
      refused(Agencies.police(), body).body("violations.field", hasItem("ageGroupAtReferral"));
    }
    Map<String, Object> disputed = aDutyToNotifyReport();
    disputed.put("ageDisputed", true);
    refused(Agencies.police(), disputed).body("violations.field", hasItem("ageGroupAtReferral"));
  }

  @Test
  void acceptsADutyToNotifyReportOfAnAdultExploitedAsAChild() {
    Map<String, Object> body = aDutyToNotifyReport();
    body.put("ageAtExploitation", "CHILD");
    Api.as(Tokens.partner(Agencies.police()))
        .body(body)
        .post("/api/v1/referrals")
        .then()
        .statusCode(201)
        .body("status", equalTo("NOTIFIED"))
        .body("ageAtExploitation", equalTo("CHILD"))
        .body("ageGroupAtReferral", equalTo("ADULT"));
  }

  @Test
  void needsTheConsentOfAnAdultExploitedAsAChild() {
    Map<String, Object> body = anAdultReferral();
    body.put("ageAtExploitation", "CHILD");
    body.remove("consent");
    refused(Agencies.police(), body).body("violations.field", equalTo(List.of("consent.referral")));
  }

  @Test
  void asksForTheAgeNowWhenNothingGivesIt() {
    Map<String, Object> body = anAdultReferral();
    body.remove("ageGroupAtReferral");
    Referrals.person(body).remove("dateOfBirth");
    refused(Agencies.police(), body)
        .body("violations.field", equalTo(List.of("ageGroupAtReferral")));
  }

  @Test
  void acceptsAnAnonymousDutyToNotifyReportFromAPublicAuthority() {
    String agency = Agencies.register("GOVERNMENT_AGENCY");
    Api.as(Tokens.partner(agency))
        .body(aDutyToNotifyReport())
        .post("/api/v1/referrals")
        .then()
        .statusCode(201)
        .body("reference", matchesPattern("DTN-\\d{4}-\\d{6}"))
        .body("kind", equalTo("DUTY_TO_NOTIFY"))
        .body("status", equalTo("NOTIFIED"))
        .body("potentialVictim.givenName", nullValue())
        .body("potentialVictim.nationalities", equalTo(List.of("AL")))
        .body("account", nullValue());
  }

  @Test
  void refusesDutyToNotifyFromAnNgo() {
    refused(Agencies.ngo(), aDutyToNotifyReport())
        .body("violations.field", equalTo(List.of("kind")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"SCOTLAND", "NORTHERN_IRELAND"})
  void refusesDutyToNotifyOutsideEnglandAndWales(String jurisdiction) {
    Map<String, Object> body = aDutyToNotifyReport();
    body.put("jurisdiction", jurisdiction);
    refused(Agencies.police(), body).body("violations.field", equalTo(List.of("jurisdiction")));
  }

  @Test
  void refusesEveryIdentifyingFieldOnADutyToNotifyReport() {
    Map<String, Object> body = aDutyToNotifyReport();
    person(body).put("givenName", "Ana");
    person(body).put("familyName", "Example");
    person(body).put("aliases", List.of("Anna"));
    person(body).put("dateOfBirth", "1999-04-02");
    person(body).put("contact", Map.of("phone", "+44 20 7946 0000"));
    body.put("account", "free text");
    refused(Agencies.police(), body)
        .body(
            "violations.field",
            hasItems(
                "potentialVictim.givenName",
                "potentialVictim.familyName",
                "potentialVictim.aliases",
                "potentialVictim.dateOfBirth",
                "potentialVictim.contact",
                "account"))
        .body("violations[0].message", containsString("must not identify"));
  }

  @Test
  void refusesAnUnknownGenderNamingTheField() {
    Map<String, Object> body = anAdultReferral();
    person(body).put("gender", "F");
    refused(Agencies.police(), body).body("violations[0].field", equalTo("potentialVictim.gender"));
  }

  @Test
  void refusesUnknownCountriesNamingEachOne() {
    Map<String, Object> body = anAdultReferral();
    person(body).put("nationalities", List.of("AL", "QQ"));
    person(body).put("countryOfOrigin", "ALB");
    exploitation(body).put("overseasCountries", List.of("it"));
    refused(Agencies.police(), body)
        .body(
            "violations.field",
            equalTo(
                List.of(
                    "exploitation.overseasCountries[0]",
                    "potentialVictim.countryOfOrigin",
                    "potentialVictim.nationalities[1]")));
  }

  @Test
  void acceptsKosovo() {
    Map<String, Object> body = anAdultReferral();
    person(body).put("nationalities", List.of("XK"));
    person(body).put("countryOfOrigin", "XK");
    Api.as(Tokens.partner(Agencies.police()))
        .body(body)
        .post("/api/v1/referrals")
        .then()
        .statusCode(201)
        .body("potentialVictim.nationalities", equalTo(List.of("XK")));
  }

  @Test
  void refusesIndicatorsOutsideTheCatalogue() {
    Map<String, Object> body = anAdultReferral();
    body.put("indicators", List.of("DEBT_BONDAGE", "BAD_VIBES"));
    refused(Agencies.police(), body).body("violations.field", equalTo(List.of("indicators[1]")));
  }

  @Test
  void refusesAnUnknownPoliceForce() {
    Map<String, Object> body = anAdultReferral();
    exploitation(body).put("policeForce", "GOTHAM");
    refused(Agencies.police(), body)
        .body("violations.field", equalTo(List.of("exploitation.policeForce")));
  }

  @Test
  void requiresAnExploitationType() {
    Map<String, Object> body = anAdultReferral();
    exploitation(body).put("types", List.of());
    refused(Agencies.police(), body)
        .body("violations.field", equalTo(List.of("exploitation.types")));
  }

  @Test
  void acceptsAPersonWhoseNationalityIsNotKnown() {
    // Stateless people and people who cannot say exist; statistics count them as NOT_SPECIFIED.
    Map<String, Object> body = anAdultReferral();
    person(body).remove("nationalities");
    String id = Referrals.submit(Agencies.police(), body);
    Api.as(Tokens.caseworker())
        .get("/api/v1/referrals/" + id)
        .then()
        .statusCode(200)
        .body("potentialVictim.nationalities", equalTo(List.of()));
  }

  @Test
  void refusesADateOfBirthInTheFuture() {
    Map<String, Object> body = anAdultReferral();
    person(body).put("dateOfBirth", "2999-01-01");
    refused(Agencies.police(), body)
        .body("violations.field", equalTo(List.of("potentialVictim.dateOfBirth")));
  }

  @Test
  void takesTheAgeNowFromTheDateOfBirthNotTheAgeAtExploitation() {
    Map<String, Object> body = aChildReferral();
    body.remove("ageGroupAtReferral");
    person(body).put("dateOfBirth", "1980-01-01");
    refused(Agencies.police(), body).body("violations.field", equalTo(List.of("consent.referral")));
    body.put("consent", Map.of("referral", true));
    Api.as(Tokens.partner(Agencies.police()))
        .body(body)
        .post("/api/v1/referrals")
        .then()
        .statusCode(201)
        .body("ageAtExploitation", equalTo("CHILD"))
        .body("ageGroupAtReferral", equalTo("ADULT"));
  }

  @Test
  void refusesAnAgeGroupTheDateOfBirthContradictsUnlessTheAgeIsDisputed() {
    Map<String, Object> body = aChildReferral();
    person(body).put("dateOfBirth", "1980-01-01");
    refused(Agencies.police(), body).body("violations.field", hasItem("ageGroupAtReferral"));
    body.put("ageDisputed", true);
    Api.as(Tokens.partner(Agencies.police()))
        .body(body)
        .post("/api/v1/referrals")
        .then()
        .statusCode(201)
        .body("ageDisputed", equalTo(true))
        .body("treatedAsChild", equalTo(true))
        .body("consentNeeded", equalTo(false));
  }

  @Test
  void refusesCountyLinesWithoutCriminalExploitation() {
    Map<String, Object> body = anAdultReferral();
    exploitation(body).put("countyLines", true);
    refused(Agencies.police(), body)
        .body("violations.field", equalTo(List.of("exploitation.countyLines")));
  }

  @Test
  void refusesRepeatedEntries() {
    Map<String, Object> body = anAdultReferral();
    body.put("indicators", List.of("ISOLATION", "ISOLATION"));
    refused(Agencies.police(), body).body("violations.field", equalTo(List.of("indicators[1]")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"status", "id", "reference", "referringAgency"})
  void refusesFieldsOnlyTheServiceMaySet(String field) {
    Map<String, Object> body = anAdultReferral();
    body.put(field, "CG_POSITIVE");
    Api.as(Tokens.partner(Agencies.police()))
        .body(body)
        .post("/api/v1/referrals")
        .then()
        .statusCode(400)
        .body("type", equalTo("/problems/malformed-request"))
        .body("violations[0].field", equalTo(field));
  }

  @Test
  void refusesAWrongTypeNamingTheField() {
    Map<String, Object> body = anAdultReferral();
    person(body).put("nationalities", "AL");
    Api.as(Tokens.partner(Agencies.police()))
        .body(body)
        .post("/api/v1/referrals")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("potentialVictim.nationalities"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"givenName=123", "interpreterNeeded=\"yes\"", "estimatedAge=\"30\""})
  void refusesScalarsOfTheWrongType(String assignment) {
    String[] pair = assignment.split("=", 2);
    String body = "{\"kind\":\"NRM\",\"potentialVictim\":{\"" + pair[0] + "\":" + pair[1] + "}}";
    Api.as(Tokens.partner(Agencies.police()))
        .body(body)
        .post("/api/v1/referrals")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("potentialVictim." + pair[0]));
  }

  @Test
  void refusesAnEnumGivenAsItsPosition() {
    Map<String, Object> body = anAdultReferral();
    person(body).put("gender", 1);
    refused(Agencies.police(), body).body("violations[0].field", equalTo("potentialVictim.gender"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"kind\":\"NRM\",\"kind\":\"DUTY_TO_NOTIFY\"}",
        "{\"kind\":\"NRM\"} {}",
        "{\"kind\": \"NRM\","
      })
  void refusesAmbiguousOrMalformedJson(String body) {
    Api.as(Tokens.partner(Agencies.police()))
        .body(body)
        .post("/api/v1/referrals")
        .then()
        .statusCode(400)
        .body("type", equalTo("/problems/malformed-request"));
  }

  @Test
  void refusesABodyThatIsNotAnObject() {
    Api.as(Tokens.partner(Agencies.police()))
        .body("[]")
        .post("/api/v1/referrals")
        .then()
        .statusCode(400)
        .body("detail", equalTo("The body must be a JSON object."));
  }

  @Test
  void refusesAMissingBody() {
    Api.as(Tokens.partner(Agencies.police()))
        .post("/api/v1/referrals")
        .then()
        .statusCode(422)
        .body("type", equalTo("/problems/validation"));
  }

  @Test
  void refusesABodyOver256KiB() {
    Map<String, Object> body = anAdultReferral();
    body.put("account", "x".repeat(300_000));
    Api.as(Tokens.partner(Agencies.police()))
        .body(body)
        .post("/api/v1/referrals")
        .then()
        .statusCode(413)
        .body("type", equalTo("/problems/payload-too-large"));
  }

  @Test
  void refusesANonJsonBody() {
    Api.as(Tokens.partner(Agencies.police()))
        .contentType("text/plain")
        .body("hello")
        .post("/api/v1/referrals")
        .then()
        .statusCode(415);
  }

  @ParameterizedTest
  @ValueSource(strings = {"caseworker", "analyst", "admin"})
  void acceptsReferralsFromPartnersOnly(String role) {
    Api.as(Tokens.role(role, "x"))
        .body(anAdultReferral())
        .post("/api/v1/referrals")
        .then()
        .statusCode(403);
  }

  @Test
  void refusesAnAnonymousSubmission() {
    Api.anonymous().body(anAdultReferral()).post("/api/v1/referrals").then().statusCode(401);
  }

  @Test
  void refusesAPartnerOfADeactivatedAgencyAndStoresNothing() {
    String agency = Agencies.police();
    Agencies.deactivate(agency);
    Api.as(Tokens.partner(agency))
        .body(anAdultReferral())
        .post("/api/v1/referrals")
        .then()
        .statusCode(403);
    Api.as(Tokens.caseworker())
        .queryParam("limit", 200)
        .get("/api/v1/referrals")
        .then()
        .body("items.referringAgency.code", org.hamcrest.Matchers.not(hasItem(agency)));
  }

  @Test
  void storesNothingWhenARuleIsBroken() {
    String agency = Agencies.police();
    Map<String, Object> body = anAdultReferral();
    body.put("consent", Map.of("referral", false));
    refused(agency, body);
    Api.as(Tokens.partner(agency)).get("/api/v1/referrals").then().body("items", hasSize(0));
  }

  @Test
  void numbersReferencesInSequencePerKind() {
    String agency = Agencies.police();
    String first = reference(agency, anAdultReferral());
    String second = reference(agency, anAdultReferral());
    String year = first.substring(4, 8);
    org.junit.jupiter.api.Assertions.assertEquals(
        Long.parseLong(first.substring(9)) + 1, Long.parseLong(second.substring(9)));
    org.junit.jupiter.api.Assertions.assertTrue(second.startsWith("NRM-" + year + "-"));
  }

  /**
   * Each kind and year counts from a PostgreSQL sequence of its own, made the first time the year
   * needs it: a year nobody has referred in yet starts at 1, and the other kind does not share it.
   */
  @Test
  void aYearsFirstReferenceIsOneFromASequenceOfItsOwn() {
    // 2013: a year no other test refers in (statistics tests own 2018 and 2025).
    String agency = Agencies.police();
    Map<String, Object> adult = anAdultReferral();
    person(adult).put("dateOfBirth", "1980-01-01");
    TestClock.advance(
        java.time.Duration.between(
            TestClock.now(), java.time.Instant.parse("2013-03-01T12:00:00Z")));
    try {
      org.junit.jupiter.api.Assertions.assertEquals("NRM-2013-000001", reference(agency, adult));
      org.junit.jupiter.api.Assertions.assertEquals("NRM-2013-000002", reference(agency, adult));
      org.junit.jupiter.api.Assertions.assertEquals(
          "DTN-2013-000001", reference(agency, Referrals.aDutyToNotifyReport()));
    } finally {
      TestClock.reset();
    }
  }

  private static String reference(String agency, Map<String, Object> body) {
    return Api.as(Tokens.partner(agency))
        .body(body)
        .post("/api/v1/referrals")
        .then()
        .statusCode(201)
        .extract()
        .path("reference");
  }

  private static ValidatableResponse refused(String agency, Map<String, Object> body) {
    return Api.as(Tokens.partner(agency))
        .body(body)
        .post("/api/v1/referrals")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/validation"));
  }
}
