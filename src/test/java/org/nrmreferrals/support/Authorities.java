package org.nrmreferrals.support;

import java.util.List;
import java.util.Map;

/**
 * Registers fresh child decision-making panels through the API: a test that counts a queue owns its
 * authority, since the SCA's and the IECA's queues hold every other test's cases too.
 */
public final class Authorities {
  private Authorities() {}

  /** A new panel covering these local authorities (agency codes); returns its code. */
  public static String panel(String... localAuthorities) {
    String code = Agencies.freshCode("P_");
    Api.as(Tokens.admin())
        .body(
            Map.of(
                "code",
                code,
                "name",
                "Test panel " + code,
                "kind",
                "CHILD_PANEL",
                "localAuthorities",
                List.of(localAuthorities)))
        .post("/api/v1/competent-authorities")
        .then()
        .statusCode(201);
    return code;
  }
}
