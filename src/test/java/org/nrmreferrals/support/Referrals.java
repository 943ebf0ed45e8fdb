package org.nrmreferrals.support;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Named referral bodies to submit, each a mutable map a test can adjust. */
public final class Referrals {
  private static final AtomicInteger PEOPLE = new AtomicInteger();
  private static final String RUN = letters(new SecureRandom().nextInt(26 * 26 * 26), 3);

  private Referrals() {}

  /**
   * "Example" followed by letters no other call in the run gives. Duplicate detection matches a
   * person on name with date of birth or nationality, so a name shared by every test's referrals
   * would link each new one to all before it.
   */
  public static String aFamilyNameOfItsOwn() {
    return "Example" + RUN + letters(PEOPLE.getAndIncrement(), 4);
  }

  private static String letters(int n, int width) {
    char[] out = new char[width];
    for (int i = width - 1; i >= 0; i--) {
      out[i] = (char) ('a' + n % 26);
      n /= 26;
    }
    return new String(out);
  }

  /**
   * A complete, consented adult NRM referral like the example: Ana, born 1999-04-02, whose
   * family name and alias ("Anna" and the family name) are this referral's own.
   */
  public static Map<String, Object> anAdultReferral() {
    String family = aFamilyNameOfItsOwn();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "NRM");
    body.put("jurisdiction", "ENGLAND_AND_WALES");
    body.put("externalReference", "CASE-1234");
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("givenName", "Ana");
    person.put("familyName", family);
    person.put("aliases", new ArrayList<>(List.of("Anna " + family)));
    person.put("dateOfBirth", "1999-04-02");
    person.put("gender", "FEMALE");
    person.put("nationalities", new ArrayList<>(List.of("AL")));
    person.put("countryOfOrigin", "AL");
    person.put("languages", new ArrayList<>(List.of("sq")));
    person.put("interpreterNeeded", true);
    body.put("potentialVictim", person);
    body.put("ageAtExploitation", "ADULT");
    body.put("ageGroupAtReferral", "ADULT");
    Map<String, Object> exploitation = new LinkedHashMap<>();
    exploitation.put("types", new ArrayList<>(List.of("SEXUAL", "LABOUR")));
    exploitation.put("countyLines", false);
    exploitation.put("location", "UK_AND_OVERSEAS");
    exploitation.put("overseasCountries", new ArrayList<>(List.of("IT")));
    exploitation.put("policeForce", "METROPOLITAN");
    body.put("exploitation", exploitation);
    body.put("indicators", new ArrayList<>(List.of("DEBT_BONDAGE", "WITHHOLDS_DOCUMENTS")));
    body.put(
        "consent",
        new LinkedHashMap<>(Map.of("referral", true, "support", true, "policeContact", false)));
    body.put("supportNeeds", new ArrayList<>(List.of("ACCOMMODATION", "INTERPRETER")));
    body.put("account", "What the officer saw and was told.");
    return body;
  }

  /** A child's referral (a twelve-year-old, by the date of birth): always NRM, no consent. */
  public static Map<String, Object> aChildReferral() {
    Map<String, Object> body = anAdultReferral();
    body.put("ageAtExploitation", "CHILD");
    person(body).put("dateOfBirth", LocalDate.now().minusYears(12).toString());
    body.put("ageGroupAtReferral", "CHILD");
    body.remove("consent");
    exploitation(body).put("types", new ArrayList<>(List.of("CRIMINAL")));
    exploitation(body).put("countyLines", true);
    exploitation(body).put("location", "UK");
    exploitation(body).put("overseasCountries", new ArrayList<>());
    person(body).put("nationalities", new ArrayList<>(List.of("GB")));
    return body;
  }

  /** A Duty to Notify report: an adult who does not consent, with nothing that identifies them. */
  public static Map<String, Object> aDutyToNotifyReport() {
    Map<String, Object> body = anAdultReferral();
    body.put("kind", "DUTY_TO_NOTIFY");
    body.put("consent", new LinkedHashMap<>(Map.of("referral", false)));
    body.remove("account");
    Map<String, Object> person = person(body);
    person.remove("givenName");
    person.remove("familyName");
    person.remove("aliases");
    person.remove("dateOfBirth");
    body.put("ageGroupAtReferral", "ADULT");
    return body;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> person(Map<String, Object> body) {
    return (Map<String, Object>) body.get("potentialVictim");
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> exploitation(Map<String, Object> body) {
    return (Map<String, Object>) body.get("exploitation");
  }

  /** Submits as a partner of this agency and returns the new referral's id. */
  public static String submit(String agency, Map<String, Object> body) {
    return Api.as(Tokens.partner(agency))
        .body(body)
        .post("/api/v1/referrals")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** The referral's ETag as this caller reads it (200 asserted). */
  public static String etag(String token, String id) {
    return Api.as(token)
        .get("/api/v1/referrals/" + id)
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }

  /** A caseworker asks for a negative RG decision, which is held for a second caseworker. */
  public static void requestANegativeDecision(String caseworker, String id) {
    Api.as(caseworker)
        .header("If-Match", etag(caseworker, id))
        .body(Map.of("to", "RG_NEGATIVE", "reason", "No indicators"))
        .post("/api/v1/referrals/" + id + "/transitions")
        .then()
        .statusCode(202);
  }

  /** An admin places a legal hold on the referral. */
  public static void placeALegalHold(String id) {
    Api.as(Tokens.admin())
        .header("If-Match", etag(Tokens.admin(), id))
        .body(Map.of("hold", true, "reason", "Litigation"))
        .put("/api/v1/referrals/" + id + "/legal-hold")
        .then()
        .statusCode(200);
  }

  /** A partner asks for the case's negative decision to be reconsidered; returns the request id. */
  public static String requestReconsideration(String partner, String id) {
    return Api.as(partner)
        .body(Map.of("grounds", List.of("ADDITIONAL_EVIDENCE"), "reason", "A new statement"))
        .post("/api/v1/referrals/" + id + "/reconsideration-requests")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A caseworker accepts or declines a reconsideration request; the response is the case. */
  public static io.restassured.response.ValidatableResponse decideReconsideration(
      String caseworker, String id, String requestId, String outcome) {
    return Api.as(caseworker)
        .header("If-Match", etag(caseworker, id))
        .body(Map.of("outcome", outcome, "reason", "Read with the new statement"))
        .post("/api/v1/referrals/" + id + "/reconsideration-requests/" + requestId + "/outcome")
        .then();
  }

  /** A second caseworker confirms the decision held on the case (200 asserted). */
  public static void confirmHeldDecision(String secondCaseworker, String id) {
    Api.as(secondCaseworker)
        .header("If-Match", etag(secondCaseworker, id))
        .post("/api/v1/referrals/" + id + "/pending-decision/confirmation")
        .then()
        .statusCode(200);
  }

  /** A caseworker moves the case through /transitions (200 asserted). */
  public static void move(String caseworker, String id, Map<String, ?> body) {
    Api.as(caseworker)
        .header("If-Match", etag(caseworker, id))
        .body(body)
        .post("/api/v1/referrals/" + id + "/transitions")
        .then()
        .statusCode(200);
  }
}
