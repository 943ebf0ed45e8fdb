package org.nrmreferrals.authority;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Authorities;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Tokens;

/** The competent authorities as data: the SCA and IECA seeded, child panels registered. */
@QuarkusTest
class AuthorityResourceTest {

  @Test
  void listsTheScaAndTheIecaToEveryRole() {
    Api.as(Tokens.analyst())
        .get("/api/v1/competent-authorities")
        .then()
        .statusCode(200)
        .body("code", hasItems("SCA", "IECA"))
        .body("find { it.code == 'IECA' }.kind", equalTo("IECA"));
    Api.as(Tokens.partner(Agencies.police()))
        .get("/api/v1/competent-authorities/SCA")
        .then()
        .statusCode(200)
        .body("name", equalTo("Single Competent Authority"));
    Api.as(Tokens.admin()).get("/api/v1/competent-authorities/NOPE").then().statusCode(404);
  }

  @Test
  void registersAChildPanelWhoseAreaIsLocalAuthoritiesNoOtherPanelCovers() {
    String council = Agencies.register("LOCAL_AUTHORITY");
    String panel = Authorities.panel(council);
    Api.as(Tokens.caseworker())
        .get("/api/v1/competent-authorities/" + panel)
        .then()
        .body("kind", equalTo("CHILD_PANEL"))
        .body("localAuthorities", contains(council))
        .body("active", equalTo(true));
    register(
            Map.of(
                "code",
                "P_OVERLAP_" + council,
                "name",
                "x",
                "kind",
                "CHILD_PANEL",
                "localAuthorities",
                List.of(council)))
        .statusCode(422)
        .body("violations.field", contains("localAuthorities[0]"));
    register(
            Map.of(
                "code",
                "P_POLICE_" + council,
                "name",
                "x",
                "kind",
                "CHILD_PANEL",
                "localAuthorities",
                List.of(Agencies.police())))
        .statusCode(422)
        .body("violations.field", contains("localAuthorities[0]"));
    register(Map.of("code", "ANOTHER_SCA", "name", "x", "kind", "SCA"))
        .statusCode(422)
        .body("violations.field", contains("kind"));
    register(Map.of("code", panel, "name", "x", "kind", "CHILD_PANEL")).statusCode(409);
    register(Map.of("code", "POLICE_METROPOLITAN", "name", "x", "kind", "CHILD_PANEL"))
        .statusCode(409);
    register(Map.of("code", "lower case", "name", "x", "kind", "CHILD_PANEL"))
        .statusCode(422)
        .body("violations.field", contains("code"));
  }

  @Test
  void revisesAPanelButNeverDeactivatesTheScaOrTheIeca() {
    String panel = Authorities.panel(Agencies.register("LOCAL_AUTHORITY"));
    String wider = Agencies.register("LOCAL_AUTHORITY");
    revise(panel, Map.of("localAuthorities", List.of(wider), "active", false))
        .statusCode(200)
        .body("localAuthorities", contains(wider))
        .body("active", equalTo(false));
    revise("SCA", Map.of("active", false)).statusCode(409);
    revise("IECA", Map.of("localAuthorities", List.of(wider)))
        .statusCode(422)
        .body("violations.field", contains("localAuthorities"));
    revise("NOPE", Map.of("name", "x")).statusCode(404);
    Api.as(Tokens.caseworker())
        .body(Map.of("name", "x"))
        .patch("/api/v1/competent-authorities/" + panel)
        .then()
        .statusCode(403);
  }

  @Test
  void deactivatesAPanelOnlyWithoutOpenCasesAndThenAllocatesItsChildrenElsewhere() {
    String council = Agencies.register("LOCAL_AUTHORITY");
    String panel = Authorities.panel(council);
    String id = Referrals.submit(council, Referrals.aChildReferral());
    revise(panel, Map.of("active", false))
        .statusCode(409)
        .body("detail", containsString("1 cases"));
    String caseworker = Tokens.caseworkerOf(panel);
    Api.as(caseworker)
        .header("If-Match", Referrals.etag(caseworker, id))
        .body(Map.of("to", "SCA", "reason", "The pilot ends"))
        .post("/api/v1/referrals/" + id + "/transfer")
        .then()
        .statusCode(200);
    revise(panel, Map.of("active", false)).statusCode(200);
    Api.as(Tokens.caseworkerOf(panel)).get("/api/v1/queues").then().statusCode(403);
    String after = Referrals.submit(council, Referrals.aChildReferral());
    Api.as(Tokens.caseworker())
        .get("/api/v1/referrals/" + after)
        .then()
        .statusCode(200)
        .body("competentAuthority", equalTo("SCA"));
    String successor = Authorities.panel(council);
    revise(panel, Map.of("active", true))
        .statusCode(422)
        .body("violations.field", contains("localAuthorities[0]"));
    assertEquals(successor, authorityOf(council));
  }

  private static String authorityOf(String council) {
    String id = Referrals.submit(council, Referrals.aChildReferral());
    return Api.as(Tokens.admin())
        .get("/api/v1/referrals/" + id)
        .then()
        .extract()
        .path("competentAuthority");
  }

  private static io.restassured.response.ValidatableResponse register(Map<String, ?> body) {
    return Api.as(Tokens.admin()).body(body).post("/api/v1/competent-authorities").then();
  }

  private static io.restassured.response.ValidatableResponse revise(
      String code, Map<String, ?> body) {
    return Api.as(Tokens.admin()).body(body).patch("/api/v1/competent-authorities/" + code).then();
  }
}
