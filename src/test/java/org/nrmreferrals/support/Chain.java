package org.nrmreferrals.support;

import static org.hamcrest.Matchers.equalTo;

/** The audit chain as an admin verifies it in full. */
public final class Chain {
  private Chain() {}

  /** Asserts that the whole chain verifies (links, digests, the tree and the head). */
  public static void verifies() {
    Api.as(Tokens.admin())
        .get("/api/v1/audit/verify")
        .then()
        .statusCode(200)
        .body("valid", equalTo(true));
  }
}
