package org.nrmreferrals.protection;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.SecondInstance;
import org.nrmreferrals.support.Sequenced;
import org.nrmreferrals.support.Tokens;

/**
 * A dump of the database holds no personal data: referrals are written with known names, aliases,
 * contact details and account, the database is dumped with pg_dump, and none of those strings is in
 * the dump; the API still returns them to the referring agency.
 */
@QuarkusTest
@TestProfile(SecondInstance.class)
class DumpTest {
  private static final List<String> SECRETS =
      List.of(
          "Zuzanna",
          "Wisniewska-Quill",
          "Zuzia Q",
          "+44 7700 900123",
          "zuzanna.q@example.org",
          "14 Larkspur Mews",
          "She was moved between three car washes at night",
          "1987-11-30");

  @Test
  @SuppressWarnings("unchecked")
  void aDumpOfTheDatabaseHoldsNoNameOrAccountButTheApiReturnsThem() throws Exception {
    String agency = Agencies.police();
    Map<String, Object> body = Referrals.anAdultReferral();
    Map<String, Object> person = (Map<String, Object>) body.get("potentialVictim");
    person.put("givenName", SECRETS.get(0));
    person.put("familyName", SECRETS.get(1));
    person.put("aliases", List.of(SECRETS.get(2)));
    person.put("dateOfBirth", SECRETS.get(7));
    person.put(
        "contact",
        Map.of("phone", SECRETS.get(3), "email", SECRETS.get(4), "address", SECRETS.get(5)));
    body.put("account", SECRETS.get(6));
    // Languages too: a rare one with a nationality can point to one person.
    person.put("languages", List.of("ti", "ro"));
    String id =
        Api.as(Tokens.partner(agency))
            .header("Idempotency-Key", "dump-test-1")
            .body(body)
            .post("/api/v1/referrals")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    String dump = pgDump();
    assertTrue(dump.contains(id), "the dump holds the referral");
    for (String secret : SECRETS) {
      assertFalse(dump.contains(secret), "the dump holds \"" + secret + "\"");
    }
    assertFalse(dump.contains("{ti,ro}"), "the dump holds the languages in clear");

    Api.as(Tokens.partner(agency))
        .get("/api/v1/referrals/" + id)
        .then()
        .statusCode(200)
        .body("potentialVictim.givenName", equalTo(SECRETS.get(0)))
        .body("potentialVictim.familyName", equalTo(SECRETS.get(1)))
        .body("potentialVictim.aliases", equalTo(List.of(SECRETS.get(2))))
        .body("potentialVictim.dateOfBirth", equalTo(SECRETS.get(7)))
        .body("potentialVictim.contact.email", equalTo(SECRETS.get(4)))
        .body("potentialVictim.languages", equalTo(List.of("ti", "ro")))
        .body("account", equalTo(SECRETS.get(6)));
    // The idempotent replay is stored sealed too, and still replays the same body.
    Api.as(Tokens.partner(agency))
        .header("Idempotency-Key", "dump-test-1")
        .body(body)
        .post("/api/v1/referrals")
        .then()
        .statusCode(201)
        .body("potentialVictim.givenName", equalTo(SECRETS.get(0)));
  }

  /**
   * The free text beside the personal data is sealed too: the agency's own case reference, the
   * reasons given with changes (in the chain and before it is sequenced), and the questions and
   * answers of further information requests. The API still shows them to those it may.
   */
  @Test
  void aDumpHoldsNoReasonExternalReferenceQuestionOrAnswer() throws Exception {
    String agency = Agencies.police();
    Map<String, Object> body = Referrals.anAdultReferral();
    body.put("externalReference", "MET-ZQ-884127");
    String id = Referrals.submit(agency, body);
    String caseworker = Tokens.caseworker();
    String question = "Did Ms Halvorsen-Quill give the address of the flat?";
    String answer = "Yes: flat 3, 9 Orchard Row, where Okonkwo kept her passport.";
    String request =
        Api.as(caseworker)
            .body(Map.of("question", question))
            .post("/api/v1/referrals/" + id + "/information-requests")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as(Tokens.partner(agency))
        .body(Map.of("answer", answer))
        .post("/api/v1/referrals/" + id + "/information-requests/" + request + "/answer")
        .then()
        .statusCode(200);
    String chained = "Held: Halvorsen-Quill v Okonkwo, claim HQ-20391";
    hold(id, true, chained);
    Sequenced.now();
    String unsequenced = "Released after the claim against Okonkwo settled";
    List<String> secrets = List.of("MET-ZQ-884127", question, answer, chained, unsequenced);
    String dump;
    try (AutoCloseable heldBack = Sequenced.heldBack()) {
      hold(id, false, unsequenced);
      Api.as(Tokens.admin())
          .get("/api/v1/referrals/" + id + "/history")
          .then()
          .body("events.find { it.reason == '" + unsequenced + "' }.seq", nullValue());
      dump = pgDump();
    }
    assertTrue(dump.contains(id), "the dump holds the referral");
    for (String secret : secrets) {
      assertFalse(dump.contains(secret), "the dump holds \"" + secret + "\"");
    }

    Api.as(Tokens.partner(agency))
        .get("/api/v1/referrals/" + id)
        .then()
        .statusCode(200)
        .body("externalReference", equalTo("MET-ZQ-884127"));
    Api.as(Tokens.partner(agency))
        .get("/api/v1/referrals")
        .then()
        .statusCode(200)
        .body("items.find { it.id == '" + id + "' }.externalReference", equalTo("MET-ZQ-884127"));
    Api.as(caseworker)
        .get("/api/v1/referrals/" + id + "/information-requests")
        .then()
        .body("question", contains(question))
        .body("answer", contains(answer));
    Api.as(Tokens.admin())
        .get("/api/v1/referrals/" + id + "/history")
        .then()
        .statusCode(200)
        .body("events.reason", hasItems(chained, unsequenced));
  }

  private static void hold(String id, boolean hold, String reason) {
    Api.as(Tokens.admin())
        .header("If-Match", Referrals.etag(Tokens.admin(), id))
        .body(Map.of("hold", hold, "reason", reason))
        .put("/api/v1/referrals/" + id + "/legal-hold")
        .then()
        .statusCode(200);
  }

  private static String pgDump() throws Exception {
    Process dump =
        new ProcessBuilder(
                "pg_dump",
                "--host=127.0.0.1",
                "--port=5432",
                "--username=postgres",
                "--no-password",
                SecondInstance.DATABASE)
            .redirectErrorStream(true)
            .start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    dump.getInputStream().transferTo(out);
    assertTrue(dump.waitFor(60, TimeUnit.SECONDS));
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, dump.exitValue(), text);
    return text;
  }
}
