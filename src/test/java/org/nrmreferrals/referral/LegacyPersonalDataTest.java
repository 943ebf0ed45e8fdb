package org.nrmreferrals.referral;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
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
    // A Duty to Notify report holds no personal data: give it a legacy plaintext row.
    String id = Referrals.submit(agency, Referrals.aDutyToNotifyReport());
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
}
