package org.nrmreferrals.referral;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Tokens;

/**
 * Personal data stored in clear before encryption (migration V14) is sealed at start-up: its
 * plaintext columns are emptied and the API still returns it.
 */
@QuarkusTest
class LegacyPersonalDataTest {
  @Inject PersonalDataStore store;
  @Inject EntityManager em;

  @Test
  void aRowWrittenBeforeEncryptionIsSealedAndStillReadable() {
    String agency = Agencies.police();
    // A Duty to Notify report with no languages holds no personal data: give it a legacy row.
    Map<String, Object> report = Referrals.aDutyToNotifyReport();
    Referrals.person(report).put("languages", List.of());
    String id = Referrals.submit(agency, report);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "insert into referral_personal_data (referral_id, given_name, family_name,"
                            + " aliases, date_of_birth, email, account) values (?1, 'Legacy',"
                            + " 'Person', '{Old Alias}', date '1990-01-02', 'old@example.org',"
                            + " 'Written in clear')")
                    .setParameter(1, UUID.fromString(id))
                    .executeUpdate());

    int sealed = QuarkusTransaction.requiringNew().call(store::sealLegacyRows);

    assertEquals(1, sealed);
    Object[] row =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (Object[])
                        em.createNativeQuery(
                                "select sealed, given_name, family_name, aliases, date_of_birth,"
                                    + " email, account from referral_personal_data"
                                    + " where referral_id = ?1")
                            .setParameter(1, UUID.fromString(id))
                            .getSingleResult());
    assertNotNull(row[0]);
    assertNull(row[1]);
    assertNull(row[2]);
    assertArrayEquals(new String[0], (String[]) row[3]);
    assertNull(row[4]);
    assertNull(row[5]);
    assertNull(row[6]);
    PersonalData read =
        QuarkusTransaction.requiringNew().call(() -> store.find(UUID.fromString(id)));
    assertEquals("Legacy", read.givenName());
    assertEquals(List.of("Old Alias"), read.aliases());
    assertEquals("Written in clear", read.account());
    Api.as(Tokens.caseworker())
        .get("/api/v1/referrals/" + id)
        .then()
        .statusCode(200)
        .body("potentialVictim.familyName", equalTo("Person"))
        .body("potentialVictim.dateOfBirth", equalTo("1990-01-02"));
  }

  @Test
  void languagesStoredInClearAreSealedWithThePersonalData() {
    String agency = Agencies.police();
    String adult = Referrals.submit(agency, Referrals.anAdultReferral());
    String report = Referrals.submit(agency, Referrals.aDutyToNotifyReport());
    String erased = Referrals.submit(agency, Referrals.anAdultReferral());
    Api.as(Tokens.admin())
        .header(
            "If-Match",
            Api.as(Tokens.admin())
                .get("/api/v1/referrals/" + erased)
                .then()
                .extract()
                .header("ETag"))
        .body(Map.of("reason", "UK GDPR Art. 17 request"))
        .post("/api/v1/referrals/" + erased + "/erasure")
        .then()
        .statusCode(200);
    // As an earlier version stored them: in clear on the referral, and not in any sealed row.
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              setLanguages(adult, "{ro,sq}");
              setLanguages(erased, "{ti}");
              setLanguages(report, "{ti}");
              for (String table : List.of("referral_personal_data", "referral_data_key")) {
                em.createNativeQuery("delete from " + table + " where referral_id = ?1")
                    .setParameter(1, UUID.fromString(report))
                    .executeUpdate();
              }
            });

    int moved = QuarkusTransaction.requiringNew().call(store::sealLanguages);

    assertTrue(moved >= 3, "at least the three referrals: " + moved);
    assertEquals(
        0L,
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((Number)
                            em.createNativeQuery(
                                    "select count(*) from referral where cardinality(languages) > 0")
                                .getSingleResult())
                        .longValue()));
    languages(adult).body("potentialVictim.languages", equalTo(List.of("ro", "sq")));
    languages(adult).body("potentialVictim.givenName", equalTo("Ana"));
    languages(report).body("potentialVictim.languages", equalTo(List.of("ti")));
    languages(erased).body("potentialVictim.languages", equalTo(List.of()));
    assertEquals(
        0L,
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((Number)
                            em.createNativeQuery(
                                    "select count(*) from referral_data_key where referral_id = ?1")
                                .setParameter(1, UUID.fromString(erased))
                                .getSingleResult())
                        .longValue()),
        "an erased referral gets no new data key");
  }

  private void setLanguages(String id, String languages) {
    em.createNativeQuery("update referral set languages = cast(?2 as text[]) where id = ?1")
        .setParameter(1, UUID.fromString(id))
        .setParameter(2, languages)
        .executeUpdate();
  }

  private static io.restassured.response.ValidatableResponse languages(String id) {
    return Api.as(Tokens.caseworker()).get("/api/v1/referrals/" + id).then().statusCode(200);
  }
}
