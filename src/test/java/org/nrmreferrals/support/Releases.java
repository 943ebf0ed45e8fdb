package org.nrmreferrals.support;

/** Statistics releases, cut by an admin as the tests need them. */
public final class Releases {
  private Releases() {}

  /** Cuts a release of everything so far (201 asserted) and returns its id. */
  public static long cut() {
    return Api.as(Tokens.admin())
        .post("/api/v1/statistics/releases")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }
}
