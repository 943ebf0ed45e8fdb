package org.nrmreferrals.referral.duplicates;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Tokens;

/**
 * The same person referred by two agencies is noticed through the blind index, by caseworkers only:
 * the second agency learns nothing of the first.
 */
@QuarkusTest
class DuplicatesTest {
  @SuppressWarnings("unchecked")
  private static Map<String, Object> person(String given, String family, String dob) {
    Map<String, Object> body = Referrals.anAdultReferral();
    Map<String, Object> person = (Map<String, Object>) body.get("potentialVictim");
    person.put("givenName", given);
    person.put("familyName", family);
    person.put("aliases", List.of());
    person.put("dateOfBirth", dob);
    return body;
  }

  @Test
  void aSecondAgencysReferralOfTheSamePersonIsFlaggedForCaseworkersOnly() {
    String family = "Dupont" + UUID.randomUUID().toString().substring(0, 8).replaceAll("\\d", "x");
    String first = Agencies.police();
    String second = Agencies.police();
    String a = Referrals.submit(first, person("José", family, "1990-05-06"));
    // Spelt differently: no accent, other case, extra spaces.
    Map<String, Object> body = person("jose ", family.toUpperCase(), "1990-05-06");
    String bodyOfB =
        Api.as(Tokens.partner(second))
            .body(body)
            .post("/api/v1/referrals")
            .then()
            .statusCode(201)
            .body("possibleDuplicates", nullValue())
            .extract()
            .asString();
    String b = io.restassured.path.json.JsonPath.from(bodyOfB).getString("id");

    Api.as(Tokens.caseworker())
        .get("/api/v1/referrals/" + b)
        .then()
        .statusCode(200)
        .body("possibleDuplicates.referralId", equalTo(List.of(a)))
        .body("possibleDuplicates[0].matchedOn", hasItem("NAME_DATE_OF_BIRTH"))
        .body("possibleDuplicates[0].status", equalTo("POSSIBLE"));
    Api.as(Tokens.caseworker())
        .get("/api/v1/referrals/" + a)
        .then()
        .body("possibleDuplicates.referralId", equalTo(List.of(b)));

    // Neither partner learns of it: not in their view, history or feed.
    Api.as(Tokens.partner(second))
        .get("/api/v1/referrals/" + b)
        .then()
        .statusCode(200)
        .body("possibleDuplicates", nullValue());
    Api.as(Tokens.partner(second))
        .get("/api/v1/referrals/" + b + "/history")
        .then()
        .statusCode(200)
        .body("events.action", not(hasItem("referral.possible_duplicate")));
    String feed =
        Api.as(Tokens.partner(second)).get("/api/v1/feed?limit=1000").then().extract().asString();
    assertEquals(false, feed.contains("possible_duplicate"));
    assertEquals(false, feed.contains(a));
    // The other agency's referral stays invisible to it.
    Api.as(Tokens.partner(second)).get("/api/v1/referrals/" + a).then().statusCode(404);

    // A caseworker dismisses it; partners cannot.
    Api.as(Tokens.partner(second))
        .body(Map.of("decision", "DISMISSED", "reason", "different person"))
        .post("/api/v1/referrals/" + b + "/duplicates/" + a)
        .then()
        .statusCode(403);
    Api.as(Tokens.analyst())
        .body(Map.of("decision", "DISMISSED", "reason", "different person"))
        .post("/api/v1/referrals/" + b + "/duplicates/" + a)
        .then()
        .statusCode(403);
    Api.as(Tokens.caseworker())
        .body(Map.of("decision", "CONFIRMED", "reason", "same person, same date of birth"))
        .post("/api/v1/referrals/" + b + "/duplicates/" + a)
        .then()
        .statusCode(200)
        .body("possibleDuplicates[0].status", equalTo("CONFIRMED"));
    Api.as(Tokens.caseworker())
        .body(Map.of("decision", "MAYBE", "reason", "x"))
        .post("/api/v1/referrals/" + b + "/duplicates/" + a)
        .then()
        .statusCode(422);
  }

  /**
   * Matching is bounded: a person referred again and again (a hostile partner could do it on
   * purpose) is matched with the newest ten earlier referrals only (nrm.duplicates.max-matches), so
   * each intake stores and announces at most ten findings however many came before.
   */
  @Test
  void aPersonReferredManyTimesIsMatchedWithTheNewestEarlierReferralsOnly() {
    String agency = Agencies.police();
    String family = "Nowak" + UUID.randomUUID().toString().substring(0, 8).replaceAll("\\d", "q");
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 13; i++) {
      ids.add(Referrals.submit(agency, person("Anna", family, "1985-01-01")));
    }
    // The 13th: the ten before it, newest first in the order found, not the first two.
    List<String> listed =
        Api.as(Tokens.caseworker())
            .get("/api/v1/referrals/" + ids.get(12))
            .then()
            .statusCode(200)
            .extract()
            .path("possibleDuplicates.referralId");
    assertEquals(new java.util.HashSet<>(ids.subList(2, 12)), new java.util.HashSet<>(listed));
    assertEquals(10, listed.size());
    // The first: found by the ten after it; the 12th and 13th matched newer ones instead.
    List<String> ofFirst =
        Api.as(Tokens.caseworker())
            .get("/api/v1/referrals/" + ids.get(0))
            .then()
            .extract()
            .path("possibleDuplicates.referralId");
    assertEquals(new java.util.HashSet<>(ids.subList(1, 11)), new java.util.HashSet<>(ofFirst));
  }

  @Test
  void anotherPersonIsNoDuplicateAndAnUnlistedPairIsNotFound() {
    String agency = Agencies.police();
    String family = "Okafor" + UUID.randomUUID().toString().substring(0, 8).replaceAll("\\d", "y");
    String a = Referrals.submit(agency, person("Ngozi", family, "1991-01-01"));
    String b = Referrals.submit(agency, person("Ngozi", family + "z", "1991-01-01"));
    Api.as(Tokens.caseworker())
        .get("/api/v1/referrals/" + b)
        .then()
        .body("possibleDuplicates", empty());
    Api.as(Tokens.caseworker())
        .body(Map.of("decision", "DISMISSED", "reason", "not listed"))
        .post("/api/v1/referrals/" + b + "/duplicates/" + a)
        .then()
        .statusCode(404);
  }

  @Test
  void erasingEitherReferralOfAPairForgetsThePair() {
    String family = "Erased" + UUID.randomUUID().toString().substring(0, 8).replaceAll("\\d", "x");
    String a = Referrals.submit(Agencies.police(), person("Ana", family, "1988-03-04"));
    String b = Referrals.submit(Agencies.police(), person("Ana", family, "1988-03-04"));
    String caseworker = Tokens.caseworker();
    Api.as(caseworker)
        .get("/api/v1/referrals/" + a)
        .then()
        .body("possibleDuplicates.referralId", equalTo(List.of(b)));
    Api.as(Tokens.admin())
        .header("If-Match", Referrals.etag(Tokens.admin(), b))
        .body(Map.of("reason", "The person asked for their data to be erased."))
        .post("/api/v1/referrals/" + b + "/erasure")
        .then()
        .statusCode(200);
    Api.as(caseworker)
        .get("/api/v1/referrals/" + a)
        .then()
        .statusCode(200)
        .body("possibleDuplicates", empty());
    // And a new referral of the same person no longer finds the erased one.
    String c = Referrals.submit(Agencies.police(), person("Ana", family, "1988-03-04"));
    Api.as(caseworker)
        .get("/api/v1/referrals/" + c)
        .then()
        .body("possibleDuplicates.referralId", equalTo(List.of(a)));
  }
}
