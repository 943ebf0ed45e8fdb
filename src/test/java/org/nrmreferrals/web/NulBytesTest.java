package org.nrmreferrals.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Tokens;

/**
 * A NUL byte in a path or query is refused with a 400 problem before any resource (it was a 500:
 * PostgreSQL refuses NUL in text). Sent without URL encoding by the client, as an attacker would;
 * without the contract filter, which could not send it either.
 */
@QuarkusTest
class NulBytesTest {
  @Test
  void aNulByteInAPathOrQueryIsA400Problem() {
    for (String path :
        new String[] {
          "/api/v1/competent-authorities/%00",
          "/api/v1/competent-authorities/SCA%00",
          "/api/v1/referrals?agency=%00"
        }) {
      given()
          .urlEncodingEnabled(false)
          .auth()
          .oauth2(Tokens.admin())
          .get(path)
          .then()
          .statusCode(400)
          .contentType(containsString("application/problem+json"))
          .body("status", equalTo(400));
    }
  }
}
