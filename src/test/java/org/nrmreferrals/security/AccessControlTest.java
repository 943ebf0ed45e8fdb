package org.nrmreferrals.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Releases;
import org.nrmreferrals.support.Tokens;

/**
 * Who may call the endpoints of competent authorities, queues, casework and statistics: every role,
 * with the partner's own and another agency, and a caseworker of the owning and of another
 * authority, each against a case of its own (an adult's referral from a fresh agency, owned by the
 * SCA).
 */
@QuarkusTest
class AccessControlTest {
  /** The callers, in the order of each row's expected statuses. */
  enum Who {
    ANONYMOUS,
    PARTNER_OWN,
    PARTNER_OTHER,
    CASEWORKER_OWN,
    CASEWORKER_OTHER,
    ANALYST,
    ADMIN,
    STATISTICIAN
  }

  /** A case and its referring agency, made fresh for each call. */
  record Case(String id, String agency) {}

  /** A release for the statistics rows to read, cut before the first of them. */
  private static long release;

  private static final Map<String, Object> TRANSFER = Map.of("to", "IECA", "reason", "Detained");
  private static final Map<String, Object> ASSESSMENT =
      Map.of("ageGroup", "ADULT", "reason", "Assessed");

  static Stream<Arguments> matrix() {
    List<Arguments> rows = new ArrayList<>();
    row(rows, "GET referral", (r, c) -> r.get(referral(c)), 401, 200, 404, 200, 404, 403, 200);
    row(
        rows,
        "GET history",
        (r, c) -> r.get(referral(c) + "/history"),
        401,
        200,
        404,
        200,
        404,
        403,
        200);
    // A proof shows where an event is in the log, no content: a partner proves its own agency's
    // events, caseworkers and admins any (the chain's links are theirs to read already).
    row(
        rows,
        "GET audit/proofs/{eventDigest}",
        (r, c) -> r.get("/api/v1/audit/proofs/" + submittedDigest(c)),
        401,
        200,
        404,
        200,
        200,
        403,
        200);
    row(
        rows,
        "GET audit/consistency",
        (r, c) -> r.get("/api/v1/audit/consistency?from=0"),
        401,
        200,
        200,
        200,
        200,
        403,
        200);
    row(
        rows,
        "GET htcds",
        (r, c) -> r.get(referral(c) + "/htcds"),
        401,
        403,
        403,
        200,
        404,
        403,
        200);
    row(
        rows,
        "POST transitions (RG)",
        (r, c) -> r.body(Map.of("to", "RG_POSITIVE")).post(referral(c) + "/transitions"),
        401,
        403,
        404,
        200,
        404,
        403,
        403);
    row(
        rows,
        "POST transfer",
        (r, c) -> r.body(TRANSFER).post(referral(c) + "/transfer"),
        401,
        403,
        403,
        200,
        404,
        403,
        403);
    row(
        rows,
        "PUT assignee",
        (r, c) -> r.body(Map.of("assignee", "someone")).put(referral(c) + "/assignee"),
        401,
        403,
        403,
        200,
        404,
        403,
        403);
    row(
        rows,
        "DELETE assignee (of an assigned case)",
        (r, c) -> r.delete(referral(c) + "/assignee"),
        401,
        403,
        403,
        200,
        404,
        403,
        403);
    row(
        rows,
        "POST age-assessment",
        (r, c) -> r.body(ASSESSMENT).post(referral(c) + "/age-assessment"),
        401,
        403,
        403,
        200,
        404,
        403,
        403);
    row(
        rows,
        "PUT consent",
        (r, c) -> r.body(Map.of("referral", true)).put(referral(c) + "/consent"),
        401,
        200,
        404,
        403,
        403,
        403,
        403);
    row(rows, "GET queues", (r, c) -> r.get("/api/v1/queues"), 401, 403, 403, 200, 200, 403, 403);
    row(
        rows,
        "GET referrals",
        (r, c) -> r.get("/api/v1/referrals"),
        401,
        200,
        200,
        200,
        200,
        403,
        200);
    row(rows, "GET events", (r, c) -> r.get("/api/v1/events"), 401, 200, 200, 403, 403, 403, 200);
    // The fixture's case has no negative decision: its own agency gets 409, not 201.
    row(
        rows,
        "POST reconsideration-requests",
        (r, c) ->
            r.body(Map.of("grounds", List.of("ADDITIONAL_EVIDENCE"), "reason", "New"))
                .post(referral(c) + "/reconsideration-requests"),
        401,
        409,
        404,
        403,
        403,
        403,
        403);
    row(
        rows,
        "POST reconsideration-requests/{unknown}/outcome",
        (r, c) ->
            r.body(Map.of("outcome", "DECLINED", "reason", "x"))
                .post(referral(c) + "/reconsideration-requests/" + UUID.randomUUID() + "/outcome"),
        401,
        403,
        403,
        404,
        404,
        403,
        403);
    // The fixture's case is SUBMITTED: disqualification and temporary leave are 409 to its own
    // authority's caseworker, emergency support 200 (the fixture consents to support).
    row(
        rows,
        "POST disqualification",
        (r, c) ->
            r.body(Map.of("grounds", "PUBLIC_ORDER", "reason", "x"))
                .post(referral(c) + "/disqualification"),
        401,
        403,
        403,
        409,
        404,
        403,
        403);
    row(
        rows,
        "POST disqualification/confirmation",
        (r, c) -> r.post(referral(c) + "/disqualification/confirmation"),
        401,
        403,
        403,
        409,
        404,
        403,
        403);
    row(
        rows,
        "DELETE disqualification",
        (r, c) -> r.delete(referral(c) + "/disqualification"),
        401,
        403,
        403,
        409,
        404,
        403,
        403);
    row(
        rows,
        "POST emergency-support",
        (r, c) -> r.body(Map.of("reason", "Destitute")).post(referral(c) + "/emergency-support"),
        401,
        403,
        403,
        200,
        404,
        403,
        403);
    row(
        rows,
        "PUT temporary-leave",
        (r, c) ->
            r.body(Map.of("outcome", "REFUSED", "reason", "x"))
                .put(referral(c) + "/temporary-leave"),
        401,
        403,
        403,
        409,
        404,
        403,
        403);
    row(
        rows,
        "PUT further-rg",
        (r, c) ->
            r.body(Map.of("recoveryPeriod", true, "reason", "x")).put(referral(c) + "/further-rg"),
        401,
        403,
        403,
        200,
        404,
        403,
        403);
    row(
        rows,
        "GET reconsideration-requests",
        (r, c) -> r.get("/api/v1/reconsideration-requests"),
        401,
        200,
        200,
        403,
        403,
        403,
        403);
    row(
        rows,
        "GET queues/unassigned",
        (r, c) -> r.get("/api/v1/queues/unassigned"),
        401,
        403,
        403,
        200,
        200,
        403,
        403);
    row(
        rows,
        "GET competent-authorities",
        (r, c) -> r.get("/api/v1/competent-authorities"),
        401,
        200,
        200,
        200,
        200,
        200,
        200);
    row(
        rows,
        "GET competent-authorities/SCA",
        (r, c) -> r.get("/api/v1/competent-authorities/SCA"),
        401,
        200,
        200,
        200,
        200,
        200,
        200);
    // An import is a partner's, for its own agency: there is no other agency's to reach. A line
    // that is refused still answers 200 (its refusal is in its result line).
    row(
        rows,
        "POST referrals/import",
        (r, c) ->
            r.contentType("application/x-ndjson")
                .body("{}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/referrals/import"),
        401,
        200,
        200,
        403,
        403,
        403,
        403);
    row(
        rows,
        "POST competent-authorities",
        (r, c) ->
            r.body(Map.of("code", "P_" + c.agency(), "name", "Panel", "kind", "CHILD_PANEL"))
                .post("/api/v1/competent-authorities"),
        401,
        403,
        403,
        403,
        403,
        403,
        201);
    row(
        rows,
        "PATCH competent-authorities/IECA",
        (r, c) ->
            r.body(Map.of("name", "Immigration Enforcement Competent Authority"))
                .patch("/api/v1/competent-authorities/IECA"),
        401,
        403,
        403,
        403,
        403,
        403,
        200);
    for (String table :
        List.of(
            "referrals",
            "decisions",
            "backlog",
            "reconsiderations",
            "disqualifications",
            "ictg-referrals",
            "time-to-decision",
            "tables",
            "tables/referrals-by-nation?period=2025")) {
      row(
          rows,
          "GET statistics/" + table,
          (r, c) -> r.get("/api/v1/statistics/" + table),
          401,
          403,
          403,
          403,
          403,
          200,
          200);
    }
    // A five-way table: statisticians only (its cells are too small to protect).
    row(
        rows,
        "GET statistics/tables/referrals-five-way-police",
        (r, c) -> r.get("/api/v1/statistics/tables/referrals-five-way-police?period=2025"),
        401,
        403,
        403,
        403,
        403,
        403,
        403,
        200);
    row(
        rows,
        "GET statistics/releases",
        (r, c) -> r.get("/api/v1/statistics/releases"),
        401,
        403,
        403,
        403,
        403,
        200,
        200);
    row(
        rows,
        "GET statistics/releases/{id}",
        (r, c) -> r.get("/api/v1/statistics/releases/" + release),
        401,
        403,
        403,
        403,
        403,
        200,
        200);
    row(
        rows,
        "POST statistics/releases",
        (r, c) -> r.post("/api/v1/statistics/releases"),
        401,
        403,
        403,
        403,
        403,
        403,
        201);
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} by {1}: {2}")
  @MethodSource("matrix")
  void answersEachCallerAsDocumented(
      String endpoint,
      Who who,
      int expected,
      BiFunction<RequestSpecification, Case, Response> call) {
    String agency = Agencies.police();
    if (endpoint.contains(" statistics/")) {
      // Statistics name no case: none is made.
      if (release == 0) {
        release = Releases.cut();
      }
      call.apply(as(who, agency), new Case(null, agency)).then().statusCode(expected);
      return;
    }
    Case c = new Case(Referrals.submit(agency, Referrals.anAdultReferral()), agency);
    if (endpoint.startsWith("DELETE assignee")) {
      assigned(c);
    }
    RequestSpecification request = as(who, agency);
    String etag = Api.as(Tokens.admin()).get(referral(c)).then().extract().header("ETag");
    call.apply(request.header("If-Match", etag), c).then().statusCode(expected);
  }

  private static void row(
      List<Arguments> rows,
      String endpoint,
      BiFunction<RequestSpecification, Case, Response> call,
      int... expected) {
    for (Who who : Who.values()) {
      // A row names the first seven callers; a statistician reads as an analyst does, unless the
      // row names it too.
      int status =
          who == Who.STATISTICIAN && expected.length == Who.STATISTICIAN.ordinal()
              ? expected[Who.ANALYST.ordinal()]
              : expected[who.ordinal()];
      rows.add(Arguments.of(endpoint, who, status, call));
    }
  }

  private static RequestSpecification as(Who who, String agency) {
    return switch (who) {
      case ANONYMOUS -> Api.anonymous();
      case PARTNER_OWN -> Api.as(Tokens.partner(agency));
      case PARTNER_OTHER -> Api.as(Tokens.partner(Agencies.police()));
      case CASEWORKER_OWN -> Api.as(Tokens.caseworker());
      case CASEWORKER_OTHER -> Api.as(Tokens.caseworkerOf("IECA"));
      case ANALYST -> Api.as(Tokens.analyst());
      case ADMIN -> Api.as(Tokens.admin());
      case STATISTICIAN -> Api.as(Tokens.role(Roles.STATISTICIAN, "access-statistician"));
    };
  }

  private static void assigned(Case c) {
    String caseworker = Tokens.caseworker();
    String etag = Api.as(caseworker).get(referral(c)).then().extract().header("ETag");
    Api.as(caseworker)
        .header("If-Match", etag)
        .body(Map.of("assignee", "someone"))
        .put(referral(c) + "/assignee")
        .then()
        .statusCode(200);
  }

  private static String referral(Case c) {
    return "/api/v1/referrals/" + c.id();
  }

  /** The digest of the case's intake event, as its history shows it to an admin. */
  private static String submittedDigest(Case c) {
    return Api.as(Tokens.admin())
        .get(referral(c) + "/history")
        .then()
        .statusCode(200)
        .extract()
        .path("events.find { it.action == 'referral.submitted' }.eventDigest");
  }
}
