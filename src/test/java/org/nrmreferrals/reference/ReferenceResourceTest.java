package org.nrmreferrals.reference;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Tokens;

@QuarkusTest
class ReferenceResourceTest {

  @Test
  void servesTheVersionedIndicatorCatalogue() {
    Api.as(Tokens.analyst())
        .get("/api/v1/reference/indicators")
        .then()
        .statusCode(200)
        .body("version", equalTo(1))
        .body(
            "indicators.code",
            hasItems(
                "DEBT_BONDAGE",
                "WITHHOLDS_DOCUMENTS",
                "RESTRICTED_MOVEMENT",
                "ISOLATION",
                "POOR_LIVING_CONDITIONS",
                "PHYSICAL_ABUSE",
                "THREATS_TO_FAMILY",
                "EXCESSIVE_WORKING_HOURS",
                "UNUSUAL_TRAVEL_TIMES",
                "RELUCTANCE_TO_SEEK_HELP"))
        .body("indicators.find { it.code == 'DEBT_BONDAGE' }.group", equalTo("CONTROL"))
        .body("indicators.find { it.code == 'DEBT_BONDAGE' }.htcdsName", equalTo("DebtBondage"))
        .body("indicators.find { it.code == 'ISOLATION' }.group", equalTo("SITUATIONAL"));
  }

  @Test
  void servesCountriesWithKosovo() {
    Api.as(Tokens.partner("POLICE_KENT"))
        .get("/api/v1/reference/countries")
        .then()
        .statusCode(200)
        .body("size()", greaterThan(240))
        .body("find { it.code == 'XK' }.name", equalTo("Kosovo"))
        .body("find { it.code == 'AL' }.name", equalTo("Albania"))
        .body("find { it.code == 'VN' }.name", equalTo("Vietnam"));
  }

  @Test
  void servesExploitationTypes() {
    Api.as(Tokens.caseworker())
        .get("/api/v1/reference/exploitation-types")
        .then()
        .statusCode(200)
        .body(
            "code",
            hasItems(
                "LABOUR",
                "SEXUAL",
                "CRIMINAL",
                "DOMESTIC_SERVITUDE",
                "ORGAN_HARVESTING",
                "NOT_SPECIFIED"));
  }

  @Test
  void servesTheUkPoliceForces() {
    Api.as(Tokens.admin())
        .get("/api/v1/reference/police-forces")
        .then()
        .statusCode(200)
        .body("findAll { it.nation == 'ENGLAND' || it.nation == 'WALES' }", hasSize(43))
        .body(
            "code",
            hasItems("METROPOLITAN", "POLICE_SCOTLAND", "PSNI", "BRITISH_TRANSPORT_POLICE"));
  }

  @Test
  void requiresAToken() {
    Api.anonymous().get("/api/v1/reference/indicators").then().statusCode(401);
  }
}
