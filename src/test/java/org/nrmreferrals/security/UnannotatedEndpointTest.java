package org.nrmreferrals.security;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Tokens;

/**
 * An endpoint that names no roles is closed to everyone
 * (quarkus.security.jaxrs.deny-unannotated-endpoints): forgetting the annotation on a new endpoint
 * fails closed, not open.
 */
@QuarkusTest
class UnannotatedEndpointTest {
  /** A resource of the tests only, with no security annotation at all. */
  @Path("/api/v1/test-only/unannotated")
  public static class Unannotated {
    @GET
    public String get() {
      return "open";
    }
  }

  @Test
  void isRefusedToAnonymousCallers() {
    Api.anonymous().get("/api/v1/test-only/unannotated").then().statusCode(401);
  }

  @Test
  void isRefusedToEveryRole() {
    for (String token :
        new String[] {
          Tokens.admin(),
          Tokens.analyst(),
          Tokens.caseworker(),
          Tokens.partner(Agencies.police()),
          Tokens.role("statistician", "statistician-1")
        }) {
      Api.as(token)
          .get("/api/v1/test-only/unannotated")
          .then()
          .statusCode(403)
          .contentType("application/problem+json")
          .body("status", equalTo(403));
    }
  }
}
