package org.nrmreferrals.agency;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Tokens;

@QuarkusTest
class AgencyResourceTest {

  @ParameterizedTest
  @ValueSource(strings = {"caseworker", "analyst", "admin"})
  void listsTheSeededFirstRespondersToEveryRole(String role) {
    Api.as(role.equals("caseworker") ? Tokens.caseworker() : Tokens.role(role, "someone"))
        .get("/api/v1/agencies")
        .then()
        .statusCode(200)
        .body("code", hasItems("POLICE_METROPOLITAN", "SALVATION_ARMY", "UKVI", "NCA", "GLAA"))
        .body("find { it.code == 'BARNARDOS' }.type", equalTo("NGO"));
  }

  @Test
  void listsAgenciesToAPartner() {
    Api.as(Tokens.partner("POLICE_KENT")).get("/api/v1/agencies").then().statusCode(200);
  }

  @Test
  void filtersByTypeAndActivity() {
    String inactive = Agencies.ngo();
    Agencies.deactivate(inactive);
    Api.as(Tokens.analyst())
        .queryParam("type", "POLICE")
        .get("/api/v1/agencies")
        .then()
        .statusCode(200)
        .body("type", everyItem(equalTo("POLICE")));
    Api.as(Tokens.analyst())
        .queryParam("active", "true")
        .get("/api/v1/agencies")
        .then()
        .body("code", not(hasItem(inactive)));
  }

  @Test
  void refusesAnUnknownTypeFilter() {
    Api.as(Tokens.analyst())
        .queryParam("type", "CHARITY")
        .get("/api/v1/agencies")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("type"));
  }

  @Test
  void requiresAToken() {
    Api.anonymous()
        .get("/api/v1/agencies")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer")
        .body("type", equalTo("/problems/unauthenticated"));
  }

  @Test
  void refusesATokenFromAnotherIssuer() {
    Api.as(Tokens.fromWrongIssuer()).get("/api/v1/agencies").then().statusCode(401);
  }

  @Test
  void registersAnAgencyAsAdmin() {
    String code = "COUNCIL_" + System.nanoTime();
    Api.as(Tokens.admin())
        .body(Map.of("code", code, "name", "A council", "type", "LOCAL_AUTHORITY"))
        .post("/api/v1/agencies")
        .then()
        .statusCode(201)
        .header("Location", endsWith("/api/v1/agencies/" + code))
        .body("code", equalTo(code))
        .body("active", equalTo(true));
    Api.as(Tokens.analyst())
        .get("/api/v1/agencies/" + code)
        .then()
        .statusCode(200)
        .body("type", equalTo("LOCAL_AUTHORITY"));
  }

  @Test
  void refusesADuplicateCode() {
    String code = Agencies.police();
    Api.as(Tokens.admin())
        .body(Map.of("code", code, "name", "Again", "type", "POLICE"))
        .post("/api/v1/agencies")
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/conflict"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"caseworker", "analyst"})
  void refusesRegistrationByOtherRoles(String role) {
    Api.as(Tokens.role(role, "x"))
        .body(Map.of("code", "NOPE_1", "name", "Nope", "type", "NGO"))
        .post("/api/v1/agencies")
        .then()
        .statusCode(403)
        .body("type", equalTo("/problems/forbidden"));
  }

  @Test
  void refusesRegistrationByAPartner() {
    Api.as(Tokens.partner("POLICE_KENT"))
        .body(Map.of("code", "NOPE_2", "name", "Nope", "type", "NGO"))
        .post("/api/v1/agencies")
        .then()
        .statusCode(403);
  }

  @Test
  void namesEachInvalidField() {
    Api.as(Tokens.admin())
        .body(Map.of("code", "lower case", "type", "NGO"))
        .post("/api/v1/agencies")
        .then()
        .statusCode(422)
        .body("violations.field", hasItems("code", "name"));
  }

  @Test
  void refusesAnUnknownAgencyType() {
    Api.as(Tokens.admin())
        .body(Map.of("code", "X_1", "name", "X", "type", "CHARITY"))
        .post("/api/v1/agencies")
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("type"));
  }

  @Test
  void deactivatesAnAgencyWhosePartnersAreThenRefused() {
    String code = Agencies.police();
    Api.as(Tokens.partner(code)).get("/api/v1/agencies").then().statusCode(200);
    Api.as(Tokens.admin())
        .body(Map.of("active", false))
        .patch("/api/v1/agencies/" + code)
        .then()
        .statusCode(200)
        .body("active", equalTo(false))
        .body("name", equalTo("Test agency " + code));
    Api.as(Tokens.partner(code))
        .get("/api/v1/agencies")
        .then()
        .statusCode(403)
        .body("type", equalTo("/problems/forbidden"));
  }

  @Test
  void renamesAnAgencyWithAMergePatch() {
    String code = Agencies.ngo();
    Api.as(Tokens.admin())
        .contentType("application/merge-patch+json")
        .body(Map.of("name", "Renamed"))
        .patch("/api/v1/agencies/" + code)
        .then()
        .statusCode(200)
        .body("name", equalTo("Renamed"))
        .body("active", equalTo(true));
  }

  @Test
  void answers404ForAnUnknownAgency() {
    Api.as(Tokens.admin())
        .body(Map.of("active", false))
        .patch("/api/v1/agencies/NO_SUCH_AGENCY")
        .then()
        .statusCode(404);
  }

  @Test
  void refusesAPartnerWhoseAgencyIsUnknown() {
    Api.as(Tokens.partner("NO_SUCH_AGENCY")).get("/api/v1/agencies").then().statusCode(403);
  }
}
