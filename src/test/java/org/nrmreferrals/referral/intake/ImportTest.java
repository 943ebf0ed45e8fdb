package org.nrmreferrals.referral.intake;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Tokens;

/** Bulk import: one answer a line, in order; each line whole or not at all; keys replayed. */
@QuarkusTest
class ImportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String IMPORT = "/api/v1/referrals/import";

  private static String line(String key, Map<String, Object> referral) throws Exception {
    Map<String, Object> line = new LinkedHashMap<>();
    if (key != null) {
      line.put("idempotencyKey", key);
    }
    line.put("referral", referral);
    return JSON.writeValueAsString(line);
  }

  private static List<JsonNode> send(String partner, String body) throws Exception {
    String answer =
        Api.as(partner)
            .contentType(ImportResource.NDJSON)
            .accept(ImportResource.NDJSON)
            .body(body.getBytes(StandardCharsets.UTF_8))
            .post(IMPORT)
            .then()
            .statusCode(200)
            .contentType(containsString(ImportResource.NDJSON))
            .extract()
            .asString();
    List<JsonNode> results = new ArrayList<>();
    for (String l : answer.split("\n")) {
      results.add(JSON.readTree(l));
    }
    return results;
  }

  @Test
  void answersEveryLineInOrderStoresTheValidOnesAndReplaysAKey() throws Exception {
    String agency = Agencies.police();
    String partner = Tokens.partner(agency);
    String first = "import-" + UUID.randomUUID();
    Map<String, Object> unknownForce = Referrals.anAdultReferral();
    Referrals.exploitation(unknownForce).put("policeForce", "NOWHERE");
    Map<String, Object> noConsent = Referrals.anAdultReferral();
    noConsent.remove("consent");
    String body =
        String.join(
                "\n",
                line(first, Referrals.anAdultReferral()),
                line("import-" + UUID.randomUUID(), unknownForce), // fails the intake's own rules
                "{\"idempotencyKey\": \"k\", \"referral\": ", // not JSON
                line("import-" + UUID.randomUUID(), noConsent), // fails bean validation
                "",
                "{\"idempotencyKey\": \"k2\", \"referral\": {}, \"extra\": 1}",
                line(first, Referrals.anAdultReferral()).replace("CASE-1234", "CASE-OTHER"),
                line("import-" + UUID.randomUUID(), Referrals.aDutyToNotifyReport()))
            + "\n";
    List<JsonNode> results = send(partner, body);
    assertEquals(8, results.size(), results.toString());
    for (int i = 0; i < results.size(); i++) {
      assertEquals(i + 1, results.get(i).path("line").asInt(), results.toString());
    }
    assertEquals(201, results.get(0).path("status").asInt(), results.get(0).toString());
    assertTrue(results.get(0).path("reference").asText().startsWith("NRM-"));
    assertNotNull(results.get(0).get("receipt"), "a new referral's receipt");
    assertEquals(422, results.get(1).path("status").asInt());
    assertEquals(
        "exploitation.policeForce",
        results.get(1).path("problem").path("violations").get(0).path("field").asText());
    assertEquals(400, results.get(2).path("status").asInt());
    assertEquals(422, results.get(3).path("status").asInt());
    assertEquals(400, results.get(4).path("status").asInt(), "an empty line");
    assertEquals(400, results.get(5).path("status").asInt(), "an unknown field");
    // The first key again with another body: refused as the single endpoint refuses it.
    assertEquals(422, results.get(6).path("status").asInt(), results.get(6).toString());
    assertEquals(201, results.get(7).path("status").asInt());
    assertTrue(results.get(7).path("reference").asText().startsWith("DTN-"));

    // The stored lines are the partner's referrals; the refused ones left nothing.
    String id = results.get(0).path("id").asText();
    Api.as(partner).get("/api/v1/referrals/" + id).then().statusCode(200);
    Api.as(partner)
        .get("/api/v1/referrals?limit=100")
        .then()
        .statusCode(200)
        .body("items.size()", org.hamcrest.Matchers.equalTo(2));

    // The same import again: every stored line replayed, with the same id, and nothing new.
    List<JsonNode> again = send(partner, body);
    assertEquals(id, again.get(0).path("id").asText());
    assertTrue(again.get(0).path("replayed").asBoolean());
    assertNull(again.get(0).get("receipt"), "a replay stores nothing, so promises nothing");
    assertEquals(results.get(7).path("id").asText(), again.get(7).path("id").asText());
    Api.as(partner)
        .get("/api/v1/referrals?limit=100")
        .then()
        .body("items.size()", org.hamcrest.Matchers.equalTo(2));
  }

  @Test
  void checksEveryFieldAsTheSingleEndpointDoesAndRequiresAKey() throws Exception {
    String agency = Agencies.police();
    String partner = Tokens.partner(agency);
    Map<String, Object> longName = Referrals.anAdultReferral();
    Referrals.person(longName).put("familyName", "x".repeat(101));
    Map<String, Object> noPerson = Referrals.anAdultReferral();
    noPerson.remove("potentialVictim");
    Map<String, Object> longReference = Referrals.anAdultReferral();
    longReference.put("externalReference", "R".repeat(101));
    String body =
        String.join(
            "\n",
            line("import-" + UUID.randomUUID(), longName),
            line("import-" + UUID.randomUUID(), noPerson),
            line("import-" + UUID.randomUUID(), longReference),
            line(null, Referrals.anAdultReferral()),
            line("import-" + UUID.randomUUID(), Referrals.anAdultReferral()));
    List<JsonNode> results = send(partner, body);
    assertEquals(5, results.size(), results.toString());
    assertEquals(422, results.get(0).path("status").asInt(), results.get(0).toString());
    assertEquals(
        "referral.potentialVictim.familyName",
        results.get(0).path("problem").path("violations").get(0).path("field").asText());
    assertEquals(422, results.get(1).path("status").asInt(), results.get(1).toString());
    assertEquals(
        "referral.potentialVictim",
        results.get(1).path("problem").path("violations").get(0).path("field").asText());
    assertEquals(422, results.get(2).path("status").asInt());
    assertEquals(422, results.get(3).path("status").asInt(), "no key: " + results.get(3));
    assertEquals(
        "idempotencyKey",
        results.get(3).path("problem").path("violations").get(0).path("field").asText());
    assertEquals(201, results.get(4).path("status").asInt(), results.get(4).toString());
    Api.as(partner)
        .get("/api/v1/referrals?limit=100")
        .then()
        .body("items.size()", org.hamcrest.Matchers.equalTo(1));
  }

  @Test
  void aLineLongerThanARequestIsRefusedAloneAndOnlyPartnersImport() throws Exception {
    String agency = Agencies.police();
    String partner = Tokens.partner(agency);
    Map<String, Object> huge = Referrals.anAdultReferral();
    huge.put("account", "x".repeat(300_000));
    String body =
        line("import-" + UUID.randomUUID(), huge)
            + "\n"
            + line("import-" + UUID.randomUUID(), Referrals.anAdultReferral());
    List<JsonNode> results = send(partner, body);
    assertEquals(413, results.get(0).path("status").asInt());
    assertEquals(201, results.get(1).path("status").asInt());

    Api.as(Tokens.caseworker())
        .contentType(ImportResource.NDJSON)
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post(IMPORT)
        .then()
        .statusCode(403);
    Api.as(partner).body(Referrals.anAdultReferral()).post(IMPORT).then().statusCode(415);
  }
}
