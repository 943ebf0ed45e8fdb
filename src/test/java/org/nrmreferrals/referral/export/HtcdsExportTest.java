package org.nrmreferrals.referral.export;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.reference.Htcds;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Tokens;

/** The HTCDS 2.0 export: exact mapping, only the standard's names, erasure, roles. */
@QuarkusTest
class HtcdsExportTest {
  private static final Htcds STANDARD = new Htcds();

  @Test
  void anAdultReferralInHtcdsTerms() {
    String agency = Agencies.police();
    Map<String, Object> body = Referrals.anAdultReferral();
    String family = (String) Referrals.person(body).get("familyName");
    String id = Referrals.submit(agency, body);

    export(id)
        .statusCode(200)
        .body("standard", equalTo("HTCDS 2.0"))
        .body("source", containsString("International Organization for Migration (IOM)"))
        .body("source", containsString("CC BY 4.0"))
        .body("case.cas_Status", equalTo("Active"))
        .body("case.cas_ReasonForCaseClosure", nullValue())
        .body("case.cas_ReferringOrganisation.org_Name", equalTo("Test agency " + agency))
        .body("case.cas_ReferringOrganisation.org_Type", equalTo("LawEnforcement"))
        .body(
            "case.cas_IncomingReferralDate",
            equalTo(LocalDate.now(ZoneId.of("Europe/London")).toString()))
        .body("case.cas_IncomingReferralDetails", equalTo("What the officer saw and was told."))
        .body("person.prs_FirstName", equalTo("Ana"))
        .body("person.prs_SecondName", equalTo(family))
        .body("person.prs_Birthdate", equalTo("1999-04-02"))
        .body("person.prs_Gender", equalTo("Feminine"))
        .body("person.prs_Citizenship", equalTo(List.of("AL")))
        .body("person.prs_PrimaryLanguage", equalTo("sqi"))
        .body("person.prs_SecondaryLanguage", nullValue())
        .body("victim.vic_TraffickingStatus", equalTo("PossibleVictimOfTrafficking"))
        .body("victim.vic_TraffickingStatusDecisionMakingOrg", nullValue())
        .body(
            "victim.vic_TypeOfExploitation", equalTo(List.of("SexualExploitation", "ForcedLabour")))
        .body("victim.vic_MethodsOfControl", equalTo(List.of("DebtBondage", "WithholdsDocuments")))
        .body(
            "historicTraffickingEvents.hte_Type", equalTo(List.of("Exploitation", "Exploitation")))
        .body("historicTraffickingEvents.hte_Country", equalTo(List.of("GB", "IT")))
        .body("consent.con_Consent", equalTo(true))
        .body("extensions.nrm_Id", equalTo(id))
        .body("extensions.nrm_Reference", notNullValue())
        .body("extensions.nrm_Status", equalTo("SUBMITTED"))
        .body("extensions.nrm_ExploitationTypes", equalTo(List.of("SEXUAL", "LABOUR")))
        .body("extensions.nrm_AgeAtExploitation", equalTo("ADULT"))
        .body("extensions.nrm_Aliases", equalTo(List.of("Anna " + family)))
        .body("extensions.nrm_PersonalDataErasedAt", nullValue());

    // An export shows personal data: it is in the audit trail.
    Api.as(Tokens.admin())
        .get("/api/v1/referrals/" + id + "/history")
        .then()
        .statusCode(200)
        .body("events.action", hasItem("referral.exported"))
        .body(
            "events.find { it.action == 'referral.exported' }.details.format",
            equalTo("HTCDS-2.0"));
  }

  @Test
  void everyNameAndValueComesFromTheStandard() {
    String police = Agencies.police();
    String ngo = Agencies.ngo();
    String decided = Referrals.submit(police, Referrals.anAdultReferral());
    move(decided, Tokens.caseworker(), Map.of("to", "RG_POSITIVE"));
    String withdrawn = Referrals.submit(ngo, Referrals.anAdultReferral());
    move(withdrawn, Tokens.partner(ngo), Map.of("to", "WITHDRAWN", "reason", "Consent withdrawn"));
    List<String> ids =
        List.of(
            decided,
            withdrawn,
            Referrals.submit(police, Referrals.aChildReferral()),
            Referrals.submit(police, Referrals.aDutyToNotifyReport()));
    for (String id : ids) {
      Map<String, Object> export = export(id).statusCode(200).extract().jsonPath().getMap("");
      List<String> checked = new ArrayList<>();
      walk(export, checked);
      assertTrue(checked.contains("prs_Gender"), "gender is always exported: " + checked);
    }
    export(withdrawn)
        .body("case.cas_Status", equalTo("Closed"))
        .body("case.cas_ReasonForCaseClosure", equalTo("Referral withdrawn."))
        .body("case.cas_ReferringOrganisation.org_Type", equalTo("NGO"));
    export(ids.get(3))
        .body("person.prs_FirstName", nullValue())
        .body("consent.con_Consent", equalTo(false))
        .body("case.cas_Status", equalTo("Closed"));
    export(ids.get(2))
        .body("victim.vic_TypeOfExploitation", equalTo(List.of("Other")))
        .body("extensions.nrm_CountyLines", equalTo(true))
        .body("historicTraffickingEvents.hte_Country", equalTo(List.of("GB")));
  }

  @Test
  void anErasedReferralExportsNoIdentity() {
    String id = Referrals.submit(Agencies.police(), Referrals.anAdultReferral());
    Api.as(Tokens.admin())
        .header("If-Match", etag(id))
        .body(Map.of("reason", "UK GDPR Art. 17 request"))
        .post("/api/v1/referrals/" + id + "/erasure")
        .then()
        .statusCode(200);
    export(id)
        .statusCode(200)
        .body("person.prs_FirstName", nullValue())
        .body("person.prs_SecondName", nullValue())
        .body("person.prs_Birthdate", nullValue())
        .body("case.cas_IncomingReferralDetails", nullValue())
        .body("extensions.nrm_Aliases", equalTo(List.of()))
        .body("extensions.nrm_PersonalDataErasedAt", notNullValue())
        // The coded facts stay.
        .body("person.prs_Gender", equalTo("Feminine"))
        .body("person.prs_Citizenship", equalTo(List.of("AL")));
  }

  @Test
  void onlyCaseworkersAndAdminsExport() {
    String agency = Agencies.police();
    String id = Referrals.submit(agency, Referrals.anAdultReferral());
    for (String token : List.of(Tokens.partner(agency), Tokens.analyst())) {
      Api.as(token).get("/api/v1/referrals/" + id + "/htcds").then().statusCode(403);
    }
    Api.anonymous().get("/api/v1/referrals/" + id + "/htcds").then().statusCode(401);
    Api.as(Tokens.admin()).get("/api/v1/referrals/" + id + "/htcds").then().statusCode(200);
    Api.as(Tokens.caseworker()).get("/api/v1/referrals/not-an-id/htcds").then().statusCode(400);
    Api.as(Tokens.caseworker())
        .get("/api/v1/referrals/" + UUID.randomUUID() + "/htcds")
        .then()
        .statusCode(404);
  }

  @Test
  void theStandardsTableIsReadWithItsPicklists() {
    assertEquals(
        java.util.Set.of(
            "Feminine",
            "Masculine",
            "TransgenderFeminine",
            "TransgenderMasculine",
            "NonConforming",
            "NonSpecifiedUnknown"),
        STANDARD.field("prs_Gender").values());
    assertTrue(STANDARD.field("prs_Birthdate").values().isEmpty());
    assertFalse(STANDARD.fieldNames().contains("vic_Vulnerabilities"), "deprecated fields");
    assertThrows(IllegalArgumentException.class, () -> STANDARD.value("prs_Gender", "Female"));
    assertThrows(IllegalArgumentException.class, () -> STANDARD.field("prs_Nickname"));
    HtcdsExports.check(STANDARD);
  }

  /** Checks each HTCDS-named key against the standard, and each picklist value too. */
  @SuppressWarnings("unchecked")
  private static void walk(Object node, List<String> checked) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
        String key = e.getKey();
        if (key.matches("[a-z]{3}_[A-Za-z]+") && !key.startsWith("nrm_")) {
          Htcds.Field field = STANDARD.field(key);
          checked.add(key);
          if (!field.values().isEmpty()) {
            List<Object> values =
                e.getValue() instanceof List<?> l ? (List<Object>) l : List.of(e.getValue());
            values.forEach(v -> STANDARD.value(key, (String) v));
          }
        }
        if (!key.equals("extensions")) {
          walk(e.getValue(), checked);
        }
      }
    } else if (node instanceof List<?> list) {
      list.forEach(item -> walk(item, checked));
    }
  }

  private static ValidatableResponse export(String id) {
    return Api.as(Tokens.caseworker()).get("/api/v1/referrals/" + id + "/htcds").then();
  }

  private static void move(String id, String token, Map<String, Object> body) {
    Api.as(token)
        .header("If-Match", etag(id))
        .body(body)
        .post("/api/v1/referrals/" + id + "/transitions")
        .then()
        .statusCode(200);
  }

  private static String etag(String id) {
    return Api.as(Tokens.admin()).get("/api/v1/referrals/" + id).then().extract().header("ETag");
  }
}
