package org.nrmreferrals.support;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Registers fresh agencies through the API, so every test owns its data. */
public final class Agencies {
  private Agencies() {}

  /** Registers a new active agency of this type and returns its code. */
  public static String register(String type) {
    String code = freshCode("T_");
    Api.as(Tokens.admin())
        .body(Map.of("code", code, "name", "Test agency " + code, "type", type))
        .post("/api/v1/agencies")
        .then()
        .statusCode(201);
    return code;
  }

  public static String police() {
    return register("POLICE");
  }

  public static String ngo() {
    return register("NGO");
  }

  public static void deactivate(String code) {
    Api.as(Tokens.admin())
        .body(Map.of("active", false))
        .patch("/api/v1/agencies/" + code)
        .then()
        .statusCode(200);
  }

  /** A code no other call gives: the prefix and 20 random capitals and digits. */
  static String freshCode(String prefix) {
    return prefix
        + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase(Locale.ROOT);
  }
}
