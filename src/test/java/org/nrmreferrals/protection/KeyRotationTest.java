package org.nrmreferrals.protection;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Chain;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.SecondInstance;
import org.nrmreferrals.support.Tokens;

/**
 * Rotation: the service runs with a new key-encryption key and the development key as the previous
 * one. Data keys wrapped by the old key still open; re-wrapping moves them all to the new key, and
 * data written before and after reads the same.
 */
@QuarkusTest
@TestProfile(SecondInstance.class)
class KeyRotationTest {
  static final String OLD = SecondInstance.OLD_KEK;
  static final String NEW = SecondInstance.NEW_KEK;

  @Inject EntityManager em;
  @Inject KeyRotation rotation;
  @Inject KekRegistry registry;

  @Test
  void dataWrittenBeforeAndAfterRotationReadsTheSameAndEndsUnderTheNewKey() {
    String agency = Agencies.police();
    Map<String, Object> ana = Referrals.anAdultReferral();
    String family = (String) Referrals.person(ana).get("familyName");
    String before = Referrals.submit(agency, ana);
    // Make "before" as it was under the old key: its data key re-wrapped by the old KEK,
    KeyEncryptionKeys current = keys(NEW);
    KeyEncryptionKeys old = keys(OLD);
    underTheOldKey(before);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              // and its blind-index digests as the old key's derived key made them.
              em.createNativeQuery("delete from referral_blind_index where referral_id = ?1")
                  .setParameter(1, UUID.fromString(before))
                  .executeUpdate();
              for (BlindIndex.Entry e : digestsOfAna(old, family)) {
                em.createNativeQuery(
                        "insert into referral_blind_index (referral_id, kind, kek_id, digest)"
                            + " values (?1, ?2, ?3, ?4)")
                    .setParameter(1, UUID.fromString(before))
                    .setParameter(2, e.kind())
                    .setParameter(3, e.kekId())
                    .setParameter(4, e.digest())
                    .executeUpdate();
              }
            });
    String after = Referrals.submit(agency, ana);

    Api.as(Tokens.admin())
        .get("/api/v1/admin/data-keys")
        .then()
        .statusCode(200)
        .body("currentKekId", equalTo(current.currentId()))
        .body("dataKeysByKek." + old.currentId(), equalTo(1))
        .body("digestsRemaining", equalTo(4));
    readsAna(before);
    readsAna(after);
    // The same person submitted after the new key came in is matched through the old digests.
    Api.as(Tokens.caseworker())
        .get("/api/v1/referrals/" + after)
        .then()
        .statusCode(200)
        .body("possibleDuplicates.referralId", hasItem(before));

    Api.as(Tokens.admin())
        .post("/api/v1/admin/data-keys/rewrap")
        .then()
        .statusCode(200)
        .body("rewrapped", equalTo(1))
        .body("remaining", equalTo(0))
        .body("rekeyed", equalTo(1))
        .body("digestsRemaining", equalTo(0));
    // Its digests are now the new key's, so the old key can go without losing matches.
    assertEquals(
        digestsOfAna(current, family).stream().map(BlindIndex.Entry::digest).sorted().toList(),
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.createNativeQuery(
                            "select digest from referral_blind_index where referral_id = ?1")
                        .setParameter(1, UUID.fromString(before))
                        .getResultStream()
                        .map(String.class::cast)
                        .sorted()
                        .toList()));
    assertEquals(
        current.currentId(),
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.createNativeQuery(
                            "select kek_id from referral_data_key where referral_id = ?1")
                        .setParameter(1, UUID.fromString(before))
                        .getSingleResult()));
    readsAna(before);
    readsAna(after);
    // Re-keying rewrites digests only: the likely-duplicate pair found earlier is still there.
    Api.as(Tokens.caseworker())
        .get("/api/v1/referrals/" + after)
        .then()
        .statusCode(200)
        .body("possibleDuplicates.referralId", hasItem(before));
    // Repeating it moves nothing.
    Api.as(Tokens.admin())
        .post("/api/v1/admin/data-keys/rewrap")
        .then()
        .statusCode(200)
        .body("rewrapped", equalTo(0))
        .body("rekeyed", equalTo(0));
    Chain.verifies();
  }

  /**
   * The night's run finishes a rotation nobody asked for; only then may the old key be retired, and
   * an instance whose current key was retired refuses to start.
   */
  @Test
  void theNightsRunFinishesARotationAndOnlyThenIsTheOldKeyRetired() {
    String id = Referrals.submit(Agencies.police(), Referrals.anAdultReferral());
    KeyEncryptionKeys current = keys(NEW);
    KeyEncryptionKeys old = keys(OLD);
    underTheOldKey(id);
    retire(old.currentId()).statusCode(409).body("detail", containsString("re-wrap first"));
    retire(current.currentId()).statusCode(409);
    retire("0123456789abcdef").statusCode(404);
    retire("not a key").statusCode(422);

    rotation.scheduled();

    Api.as(Tokens.admin())
        .get("/api/v1/admin/data-keys")
        .then()
        .body("remaining", equalTo(0))
        .body("digestsRemaining", equalTo(0))
        .body("rotationDueAt", notNullValue());
    retire(old.currentId())
        .statusCode(200)
        .body("keys.find { it.kekId == '" + old.currentId() + "' }.retiredBy", equalTo("admin-1"))
        .body("keys.find { it.kekId == '" + current.currentId() + "' }.retiredAt", nullValue());
    retire(old.currentId()).statusCode(409);
    readsAna(id);
    // This instance still lists the retired key among its earlier ones: it starts, warning; an
    // instance whose current key was retired would not.
    QuarkusTransaction.requiringNew().run(registry::register);
    assertThat(
        KekRegistry.refusal(old.currentId(), java.util.Set.of(old.currentId())),
        containsString(old.currentId()));
    assertEquals(null, KekRegistry.refusal(current.currentId(), java.util.Set.of(old.currentId())));
  }

  private static KeyEncryptionKeys keys(String kek) {
    return new KeyEncryptionKeys(Optional.of(kek), Optional.empty(), Optional.empty());
  }

  /** Re-wraps the referral's data key by the old KEK, as it was before the rotation. */
  private void underTheOldKey(String id) {
    KeyEncryptionKeys current = keys(NEW);
    KeyEncryptionKeys old = keys(OLD);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              byte[] context = ("nrm-data-key:" + id).getBytes(StandardCharsets.UTF_8);
              byte[] wrapped =
                  (byte[])
                      em.createNativeQuery(
                              "select wrapped_key from referral_data_key where referral_id = ?1")
                          .setParameter(1, UUID.fromString(id))
                          .getSingleResult();
              em.createNativeQuery(
                      "update referral_data_key set kek_id = ?2, wrapped_key = ?3"
                          + " where referral_id = ?1")
                  .setParameter(1, UUID.fromString(id))
                  .setParameter(2, old.currentId())
                  .setParameter(
                      3, old.wrap(current.unwrap(current.currentId(), wrapped, context), context))
                  .executeUpdate();
            });
  }

  private static io.restassured.response.ValidatableResponse retire(String kekId) {
    return Api.as(Tokens.admin())
        .body(Map.of("kekId", kekId))
        .post("/api/v1/admin/data-keys/retire")
        .then();
  }

  @Test
  void onlyAdminsSeeOrRotateKeys() {
    String agency = Agencies.police();
    for (String token :
        new String[] {Tokens.partner(agency), Tokens.caseworker(), Tokens.analyst()}) {
      Api.as(token).get("/api/v1/admin/data-keys").then().statusCode(403);
      Api.as(token).post("/api/v1/admin/data-keys/rewrap").then().statusCode(403);
    }
    Api.anonymous().post("/api/v1/admin/data-keys/rewrap").then().statusCode(401);
  }

  /** The digests of the standard adult referral's person under this key only. */
  private static List<BlindIndex.Entry> digestsOfAna(KeyEncryptionKeys keys, String family) {
    return new BlindIndex(keys)
        .currentEntries(
            List.of("Ana " + family, "Anna " + family), LocalDate.of(1999, 4, 2), List.of("AL"));
  }

  private static void readsAna(String id) {
    Api.as(Tokens.caseworker())
        .get("/api/v1/referrals/" + id)
        .then()
        .statusCode(200)
        .body("potentialVictim.givenName", equalTo("Ana"))
        .body("account", equalTo("What the officer saw and was told."));
  }
}
