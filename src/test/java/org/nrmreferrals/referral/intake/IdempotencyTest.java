package org.nrmreferrals.referral.intake;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nrmreferrals.support.Referrals.anAdultReferral;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Tokens;

@QuarkusTest
class IdempotencyTest {
  @TestHTTPResource("/api/v1/referrals")
  URI referrals;

  @Test
  void replaysTheFirstResponseForARepeatAndCreatesNothing() {
    String agency = Agencies.police();
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = anAdultReferral();
    Response first = submit(agency, key, body);
    first.then().statusCode(201);
    Response repeat = submit(agency, key, body);
    repeat
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .header("Location", first.header("Location"))
        .header("ETag", first.header("ETag"));
    assertEquals(first.asString(), repeat.asString());
    Api.as(Tokens.partner(agency)).get("/api/v1/referrals").then().body("items", hasSize(1));
  }

  @Test
  void treatsTheSameBodyInAnotherKeyOrderAsTheSameRequest() {
    String agency = Agencies.police();
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = anAdultReferral();
    submit(agency, key, body).then().statusCode(201);
    Map<String, Object> reordered = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>(body.keySet());
    Collections.reverse(keys);
    keys.forEach(k -> reordered.put(k, body.get(k)));
    submit(agency, key, reordered).then().statusCode(201).header("Idempotent-Replayed", "true");
  }

  @Test
  void refusesTheSameKeyWithAnotherBody() {
    String agency = Agencies.police();
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = anAdultReferral();
    submit(agency, key, body).then().statusCode(201);
    Map<String, Object> other = new LinkedHashMap<>(body);
    other.put("externalReference", "CASE-9999");
    submit(agency, key, other)
        .then()
        .statusCode(422)
        .body("type", equalTo("/problems/idempotency-key-reused"));
    Api.as(Tokens.partner(agency)).get("/api/v1/referrals").then().body("items", hasSize(1));
  }

  @Test
  void keepsKeysApartPerAgency() {
    String key = UUID.randomUUID().toString();
    String first = submit(Agencies.police(), key, anAdultReferral()).path("id");
    String second = submit(Agencies.police(), key, anAdultReferral()).path("id");
    org.junit.jupiter.api.Assertions.assertNotEquals(first, second);
  }

  @Test
  void letsAFixedRequestReuseTheKeyOfARefusedOne() {
    String agency = Agencies.police();
    String key = UUID.randomUUID().toString();
    Map<String, Object> invalid = anAdultReferral();
    invalid.put("consent", Map.of("referral", false));
    submit(agency, key, invalid).then().statusCode(422);
    submit(agency, key, anAdultReferral()).then().statusCode(201);
  }

  @Test
  void refusesAnUnusableKey() {
    submit(Agencies.police(), "x".repeat(256), anAdultReferral())
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("Idempotency-Key"));
  }

  @Test
  void createsExactlyOneReferralForConcurrentRepeats() throws Exception {
    String agency = Agencies.police();
    String token = Tokens.partner(agency);
    String key = UUID.randomUUID().toString();
    String body = new ObjectMapper().writeValueAsString(anAdultReferral());
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(referrals)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      calls.add(() -> client.send(request, HttpResponse.BodyHandlers.ofString()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(12);
    Set<String> bodies = new HashSet<>();
    try {
      for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
        assertEquals(201, f.get().statusCode());
        bodies.add(f.get().body());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(1, bodies.size(), "every repeat answers with the same referral");
    Api.as(token).get("/api/v1/referrals").then().body("items", hasSize(1));
  }

  private static Response submit(String agency, String key, Map<String, Object> body) {
    return Api.as(Tokens.partner(agency))
        .header("Idempotency-Key", key)
        .body(body)
        .post("/api/v1/referrals");
  }
}
