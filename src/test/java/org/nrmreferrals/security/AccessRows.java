package org.nrmreferrals.security;

import static org.nrmreferrals.security.AccessControlTest.fresh;
import static org.nrmreferrals.security.AccessControlTest.inDays;
import static org.nrmreferrals.security.AccessControlTest.receiver;
import static org.nrmreferrals.security.AccessControlTest.release;
import static org.nrmreferrals.security.AccessControlTest.submittedDigest;
import static org.nrmreferrals.security.AccessControlTest.submittedSeq;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.nrmreferrals.security.AccessControlTest.Case;
import org.nrmreferrals.support.Referrals;

/**
 * The rows of {@link AccessControlTest}, one or more for each operation of openapi/openapi.yaml,
 * named "METHOD /path" as the document writes it (with " | " and a note where an operation has
 * several rows). A row's statuses are those of the callers in the order of {@link
 * AccessControlTest.Who}:
 *
 * <pre>
 *   anonymous, partner (own agency), partner (other agency), caseworker (SCA, the owner),
 *   caseworker (IECA), analyst, admin[, statistician (otherwise as the analyst)]
 * </pre>
 *
 * <p>Each call has a case of its own (an adult's referral from a fresh police agency, owned by the
 * SCA) unless the row has none, and what the row's set-up (in {@link AccessControlTest}) makes
 * before the call.
 */
final class AccessRows {
  /** One row: the operation, the statuses by caller, what is made first, and the call. */
  record Row(
      String endpoint,
      int[] statuses,
      boolean withCase,
      boolean namesEveryAgency,
      Consumer<Case> setup,
      BiFunction<RequestSpecification, Case, Response> call) {
    int expected(int caller) {
      return statuses[caller];
    }
  }

  private static final Map<String, Object> TRANSFER = Map.of("to", "IECA", "reason", "Detained");
  private static final Map<String, Object> ASSESSMENT =
      Map.of("ageGroup", "ADULT", "reason", "Assessed");
  private static final Map<String, Object> RECONSIDERATION =
      Map.of("grounds", List.of("ADDITIONAL_EVIDENCE"), "reason", "A new statement");

  /** The set-up of a row that needs nothing beyond its case. */
  static final Consumer<Case> NOTHING = c -> {};

  private final List<Row> rows = new ArrayList<>();

  private AccessRows() {}

  /** Every row by its name, in order. */
  static Map<String, Row> byEndpoint() {
    AccessRows m = new AccessRows();
    m.reading();
    m.casework();
    m.facts();
    m.requests();
    m.dataProtection();
    m.registries();
    m.audit();
    m.webhooks();
    m.statistics();
    Map<String, Row> out = new LinkedHashMap<>();
    for (Row row : m.rows) {
      if (out.put(row.endpoint(), row) != null) {
        throw new IllegalStateException("two rows are named " + row.endpoint());
      }
    }
    return out;
  }

  private void reading() {
    on("POST /api/v1/referrals")
        .expect("401 201 201 403 403 403 403")
        .call((r, c) -> r.body(Referrals.anAdultReferral()).post("/api/v1/referrals"));
    on("GET /api/v1/referrals")
        .expect("401 200 200 200 200 403 200")
        .call((r, c) -> r.get("/api/v1/referrals"));
    on("GET /api/v1/referrals/{id}")
        .expect("401 200 404 200 404 403 200")
        .call((r, c) -> r.get(c.referral()));
    on("GET /api/v1/referrals/{id}/history")
        .expect("401 200 404 200 404 403 200")
        .call((r, c) -> r.get(c.referral() + "/history"));
    on("GET /api/v1/referrals/{id}/htcds")
        .expect("401 403 403 200 404 403 200")
        .call((r, c) -> r.get(c.referral() + "/htcds"));
    // An import is a partner's, for its own agency: there is no other agency's to reach. A line
    // that is refused still answers 200 (its refusal is in its result line).
    on("POST /api/v1/referrals/import")
        .expect("401 200 200 403 403 403 403")
        .call(
            (r, c) ->
                r.contentType("application/x-ndjson")
                    .body("{}\n".getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/referrals/import"));
    on("GET /api/v1/events")
        .given(AccessControlTest::sequenced)
        .expect("401 200 200 403 403 403 200")
        .call((r, c) -> r.get("/api/v1/events"));
    on("GET /api/v1/queues")
        .expect("401 403 403 200 200 403 403")
        .call((r, c) -> r.get("/api/v1/queues"));
    on("GET /api/v1/queues/{queue}")
        .expect("401 403 403 200 200 403 403")
        .call((r, c) -> r.get("/api/v1/queues/unassigned"));
  }

  private void casework() {
    on("POST /api/v1/referrals/{id}/transitions | RG_POSITIVE by a caseworker")
        .expect("401 403 404 200 404 403 403")
        .call((r, c) -> r.body(Map.of("to", "RG_POSITIVE")).post(c.referral() + "/transitions"));
    on("POST /api/v1/referrals/{id}/transitions | WITHDRAWN by the referring agency")
        .expect("401 200 404 403 404 403 403")
        .call(
            (r, c) ->
                r.body(Map.of("to", "WITHDRAWN", "reason", "Consent withdrawn"))
                    .post(c.referral() + "/transitions"));
    on("POST /api/v1/referrals/{id}/transfer")
        .expect("401 403 403 200 404 403 403")
        .call((r, c) -> r.body(TRANSFER).post(c.referral() + "/transfer"));
    on("PUT /api/v1/referrals/{id}/assignee")
        .expect("401 403 403 200 404 403 403")
        .call((r, c) -> r.body(Map.of("assignee", "someone")).put(c.referral() + "/assignee"));
    on("DELETE /api/v1/referrals/{id}/assignee")
        .given(AccessControlTest::anAssignee)
        .expect("401 403 403 200 404 403 403")
        .call((r, c) -> r.delete(c.referral() + "/assignee"));
    on("POST /api/v1/referrals/{id}/age-assessment")
        .expect("401 403 403 200 404 403 403")
        .call((r, c) -> r.body(ASSESSMENT).post(c.referral() + "/age-assessment"));
    on("PUT /api/v1/referrals/{id}/consent")
        .expect("401 200 404 403 403 403 403")
        .call((r, c) -> r.body(Map.of("referral", true)).put(c.referral() + "/consent"));
    // A second caseworker of the SCA confirms or withdraws the decision a first one asked for.
    on("POST /api/v1/referrals/{id}/pending-decision/confirmation")
        .given(AccessControlTest::aHeldNegativeDecision)
        .expect("401 403 403 200 404 403 403")
        .call((r, c) -> r.post(c.referral() + "/pending-decision/confirmation"));
    on("DELETE /api/v1/referrals/{id}/pending-decision")
        .given(AccessControlTest::aHeldNegativeDecision)
        .expect("401 403 403 200 404 403 403")
        .call((r, c) -> r.delete(c.referral() + "/pending-decision"));
    on("POST /api/v1/referrals/{id}/duplicates/{otherId}")
        .given(AccessControlTest::aPossibleDuplicate)
        .expect("401 403 403 200 404 403 403") // the pair as intake records it
        .call(
            (r, c) ->
                r.body(Map.of("decision", "DISMISSED", "reason", "Not the same person"))
                    .post(c.referral() + "/duplicates/" + c.other));
  }

  /**
   * The case is SUBMITTED: disqualification and temporary leave are 409 to its own authority's
   * caseworker, emergency support 200 (the case consents to support).
   */
  private void facts() {
    on("POST /api/v1/referrals/{id}/disqualification")
        .expect("401 403 403 409 404 403 403")
        .call(
            (r, c) ->
                r.body(Map.of("grounds", "PUBLIC_ORDER", "reason", "x"))
                    .post(c.referral() + "/disqualification"));
    on("POST /api/v1/referrals/{id}/disqualification/confirmation")
        .expect("401 403 403 409 404 403 403")
        .call((r, c) -> r.post(c.referral() + "/disqualification/confirmation"));
    on("DELETE /api/v1/referrals/{id}/disqualification")
        .expect("401 403 403 409 404 403 403")
        .call((r, c) -> r.delete(c.referral() + "/disqualification"));
    on("POST /api/v1/referrals/{id}/emergency-support")
        .expect("401 403 403 200 404 403 403")
        .call(
            (r, c) ->
                r.body(Map.of("reason", "Destitute")).post(c.referral() + "/emergency-support"));
    on("PUT /api/v1/referrals/{id}/temporary-leave")
        .expect("401 403 403 409 404 403 403")
        .call(
            (r, c) ->
                r.body(Map.of("outcome", "REFUSED", "reason", "x"))
                    .put(c.referral() + "/temporary-leave"));
    on("PUT /api/v1/referrals/{id}/further-rg")
        .expect("401 403 403 200 404 403 403")
        .call(
            (r, c) ->
                r.body(Map.of("recoveryPeriod", true, "reason", "x"))
                    .put(c.referral() + "/further-rg"));
  }

  private void requests() {
    // Without a negative decision the case's own agency gets 409, not 201.
    on("POST /api/v1/referrals/{id}/reconsideration-requests | no negative decision")
        .expect("401 409 404 403 403 403 403")
        .call((r, c) -> r.body(RECONSIDERATION).post(c.referral() + "/reconsideration-requests"));
    on("POST /api/v1/referrals/{id}/reconsideration-requests | after a negative decision")
        .given(AccessControlTest::aNegativeDecision)
        .expect("401 201 404 403 403 403 403")
        .call((r, c) -> r.body(RECONSIDERATION).post(c.referral() + "/reconsideration-requests"));
    on("GET /api/v1/referrals/{id}/reconsideration-requests/{requestId}")
        .given(AccessControlTest::aReconsiderationRequest)
        .expect("401 200 404 200 404 403 200")
        .call((r, c) -> r.get(c.reconsideration()));
    on("POST /api/v1/referrals/{id}/reconsideration-requests/{requestId}/outcome | unknown request")
        .expect("401 403 403 404 404 403 403")
        .call(
            (r, c) ->
                r.body(Map.of("outcome", "DECLINED", "reason", "x"))
                    .post(
                        c.referral()
                            + "/reconsideration-requests/"
                            + UUID.randomUUID()
                            + "/outcome"));
    on("POST /api/v1/referrals/{id}/reconsideration-requests/{requestId}/outcome | pending request")
        .given(AccessControlTest::aReconsiderationRequest)
        .expect("401 403 403 200 404 403 403")
        .call(
            (r, c) ->
                r.body(Map.of("outcome", "DECLINED", "reason", "Read with the new statement"))
                    .post(c.reconsideration() + "/outcome"));
    on("GET /api/v1/reconsideration-requests")
        .given(AccessControlTest::aReconsiderationRequest)
        .expect("401 200 200 403 403 403 403")
        .call((r, c) -> r.get("/api/v1/reconsideration-requests"));
    on("POST /api/v1/referrals/{id}/information-requests")
        .expect("401 403 403 201 404 403 403")
        .call(
            (r, c) ->
                r.body(Map.of("question", "Where was she found?"))
                    .post(c.referral() + "/information-requests"));
    on("GET /api/v1/referrals/{id}/information-requests")
        .given(AccessControlTest::anInformationRequest)
        .expect("401 200 404 200 404 403 200")
        .call((r, c) -> r.get(c.referral() + "/information-requests"));
    on("POST /api/v1/referrals/{id}/information-requests/{requestId}/answer")
        .given(AccessControlTest::anInformationRequest)
        .expect("401 200 404 403 403 403 403")
        .call(
            (r, c) ->
                r.body(Map.of("answer", "At a car wash in the town centre."))
                    .post(c.informationRequest() + "/answer"));
    on("POST /api/v1/referrals/{id}/information-requests/{requestId}/extension")
        .given(AccessControlTest::anInformationRequest)
        .expect("401 403 403 200 404 403 403")
        .call(
            (r, c) ->
                r.body(Map.of("dueOn", inDays(60).toString(), "reason", "The officer is on leave"))
                    .post(c.informationRequest() + "/extension"));
    on("GET /api/v1/information-requests")
        .given(AccessControlTest::anInformationRequest)
        .expect("401 200 200 403 403 403 403")
        .call((r, c) -> r.get("/api/v1/information-requests"));
  }

  private void dataProtection() {
    on("POST /api/v1/referrals/{id}/erasure")
        .expect("401 403 403 403 403 403 200")
        .call(
            (r, c) ->
                r.body(Map.of("reason", "Asked by the person")).post(c.referral() + "/erasure"));
    on("PUT /api/v1/referrals/{id}/legal-hold")
        .expect("401 403 403 403 403 403 200")
        .call(
            (r, c) ->
                r.body(Map.of("hold", true, "reason", "Litigation"))
                    .put(c.referral() + "/legal-hold"));
    on("GET /api/v1/admin/retention")
        .expect("401 403 403 403 403 403 200")
        .call((r, c) -> r.get("/api/v1/admin/retention"));
    // Erases what is due in the default instance (nothing younger than six years after its end).
    on("POST /api/v1/admin/retention/erasure")
        .expect("401 403 403 403 403 403 200")
        .call((r, c) -> r.post("/api/v1/admin/retention/erasure"));
    on("GET /api/v1/admin/data-keys")
        .expect("401 403 403 403 403 403 200")
        .call((r, c) -> r.get("/api/v1/admin/data-keys"));
    on("POST /api/v1/admin/data-keys/rewrap")
        .expect("401 403 403 403 403 403 200")
        .call((r, c) -> r.post("/api/v1/admin/data-keys/rewrap"));
    // A key this service never used: the admin is told so (KeyRotationTest retires a real one).
    on("POST /api/v1/admin/data-keys/retire")
        .expect("401 403 403 403 403 403 404")
        .call(
            (r, c) ->
                r.body(Map.of("kekId", "0123456789abcdef")).post("/api/v1/admin/data-keys/retire"));
  }

  private void registries() {
    // The registry names every agency to any role, the case's too.
    on("GET /api/v1/agencies")
        .namingEveryAgency()
        .expect("401 200 200 200 200 200 200")
        .call((r, c) -> r.get("/api/v1/agencies"));
    on("GET /api/v1/agencies/{code}")
        .given(AccessControlTest::anotherAgency)
        .expect("401 200 200 200 200 200 200")
        .call((r, c) -> r.get("/api/v1/agencies/" + c.other));
    on("POST /api/v1/agencies")
        .expect("401 403 403 403 403 403 201")
        .call(
            (r, c) ->
                r.body(Map.of("code", fresh("A_"), "name", "Access matrix agency", "type", "NGO"))
                    .post("/api/v1/agencies"));
    on("PATCH /api/v1/agencies/{code}")
        .given(AccessControlTest::anotherAgency)
        .expect("401 403 403 403 403 403 200")
        .call(
            (r, c) ->
                r.body(Map.of("name", "Renamed by the access matrix"))
                    .patch("/api/v1/agencies/" + c.other));
    on("GET /api/v1/competent-authorities")
        .expect("401 200 200 200 200 200 200")
        .call((r, c) -> r.get("/api/v1/competent-authorities"));
    on("GET /api/v1/competent-authorities/{code}")
        .expect("401 200 200 200 200 200 200")
        .call((r, c) -> r.get("/api/v1/competent-authorities/SCA"));
    on("POST /api/v1/competent-authorities")
        .expect("401 403 403 403 403 403 201")
        .call(
            (r, c) ->
                r.body(Map.of("code", fresh("P_"), "name", "Panel", "kind", "CHILD_PANEL"))
                    .post("/api/v1/competent-authorities"));
    on("PATCH /api/v1/competent-authorities/{code}")
        .expect("401 403 403 403 403 403 200")
        .call(
            (r, c) ->
                r.body(Map.of("name", "Immigration Enforcement Competent Authority"))
                    .patch("/api/v1/competent-authorities/IECA"));
    for (String vocabulary :
        List.of("indicators", "countries", "exploitation-types", "police-forces")) {
      on("GET /api/v1/reference/" + vocabulary)
          .expect("401 200 200 200 200 200 200")
          .call((r, c) -> r.get("/api/v1/reference/" + vocabulary));
    }
    on("GET /api/v1/workflow")
        .expect("401 200 200 200 200 200 200")
        .call((r, c) -> r.get("/api/v1/workflow"));
  }

  private void audit() {
    on("GET /api/v1/audit/verify")
        .expect("401 403 403 403 403 403 200")
        .call((r, c) -> r.get("/api/v1/audit/verify"));
    on("GET /api/v1/audit/checkpoint")
        .expect("401 200 200 200 200 403 200")
        .call((r, c) -> r.get("/api/v1/audit/checkpoint"));
    on("GET /api/v1/audit/public-key")
        .expect("401 200 200 200 200 200 200")
        .call((r, c) -> r.get("/api/v1/audit/public-key"));
    // The links from the case's intake on: digests and hashes only, never whose.
    on("GET /api/v1/audit/chain")
        .expect("401 200 200 200 200 403 200")
        .call((r, c) -> r.get("/api/v1/audit/chain?limit=10&afterSeq=" + (submittedSeq(c) - 1)));
    // A proof shows where an event is in the log, no content: a partner proves its own agency's
    // events, caseworkers and admins any (the chain's links are theirs to read already).
    on("GET /api/v1/audit/proofs/{eventDigest}")
        .expect("401 200 404 200 200 403 200")
        .call((r, c) -> r.get("/api/v1/audit/proofs/" + submittedDigest(c)));
    on("GET /api/v1/audit/consistency")
        .expect("401 200 200 200 200 403 200")
        .call((r, c) -> r.get("/api/v1/audit/consistency?from=0"));
  }

  /** A partner's webhooks are its agency's: another agency's are 404 to it. */
  private void webhooks() {
    on("GET /api/v1/webhooks")
        .given(AccessControlTest::aWebhook)
        .expect("401 200 200 403 403 403 403")
        .call((r, c) -> r.get("/api/v1/webhooks"));
    on("POST /api/v1/webhooks")
        .expect("401 201 201 403 403 403 403")
        .call(
            (r, c) ->
                r.body(Map.of("url", receiver().url(), "events", List.of("referral.submitted")))
                    .post("/api/v1/webhooks"));
    on("GET /api/v1/webhooks/{id}")
        .given(AccessControlTest::aWebhook)
        .expect("401 200 404 403 403 403 403")
        .call((r, c) -> r.get(c.subscription()));
    on("DELETE /api/v1/webhooks/{id}")
        .given(AccessControlTest::aWebhook)
        .expect("401 204 404 403 403 403 403")
        .call((r, c) -> r.delete(c.subscription()));
    on("GET /api/v1/webhooks/{id}/deliveries")
        .given(AccessControlTest::aWebhook)
        .expect("401 200 404 403 403 403 403")
        .call((r, c) -> r.get(c.subscription() + "/deliveries"));
    on("POST /api/v1/webhooks/{id}/rotate-secret")
        .given(AccessControlTest::aWebhook)
        .expect("401 200 404 403 403 403 403")
        .call((r, c) -> r.post(c.subscription() + "/rotate-secret"));
    on("POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver")
        .given(AccessControlTest::aDelivery)
        .expect("401 202 404 403 403 403 403") // once delivered
        .call((r, c) -> r.post(c.subscription() + "/deliveries/" + c.delivery + "/redeliver"));
    on("GET /api/v1/admin/webhooks")
        .given(AccessControlTest::aWebhook)
        .expect("401 403 403 403 403 403 200")
        .call((r, c) -> r.get("/api/v1/admin/webhooks"));
    on("POST /api/v1/admin/webhooks/{id}/disable")
        .given(AccessControlTest::aWebhook)
        .expect("401 403 403 403 403 403 200")
        .call(
            (r, c) ->
                r.body(Map.of("reason", "Delivers to a retired system"))
                    .post("/api/v1/admin/webhooks/" + c.webhook + "/disable"));
    on("POST /api/v1/admin/webhooks/{id}/enable")
        .given(AccessControlTest::aWebhookDisabledByAnAdmin)
        .expect("401 403 403 403 403 403 200")
        .call((r, c) -> r.post("/api/v1/admin/webhooks/" + c.webhook + "/enable"));
  }

  /** Statistics name no case: none is made; a release is cut before the first of them. */
  private void statistics() {
    for (String figures :
        List.of(
            "referrals",
            "decisions",
            "backlog",
            "reconsiderations",
            "disqualifications",
            "ictg-referrals",
            "time-to-decision")) {
      statisticsOn("GET /api/v1/statistics/" + figures)
          .expect("401 403 403 403 403 200 200")
          .call((r, c) -> r.get("/api/v1/statistics/" + figures));
    }
    statisticsOn("GET /api/v1/statistics/tables")
        .expect("401 403 403 403 403 200 200")
        .call((r, c) -> r.get("/api/v1/statistics/tables"));
    statisticsOn("GET /api/v1/statistics/tables/{code} | referrals-by-nation")
        .expect("401 403 403 403 403 200 200")
        .call((r, c) -> r.get("/api/v1/statistics/tables/referrals-by-nation?period=2025"));
    // A five-way table: statisticians only (its cells are too small to protect).
    statisticsOn("GET /api/v1/statistics/tables/{code} | five-way, statisticians only")
        .expect("401 403 403 403 403 403 403 200")
        .call((r, c) -> r.get("/api/v1/statistics/tables/referrals-five-way-police?period=2025"));
    statisticsOn("GET /api/v1/statistics/releases")
        .expect("401 403 403 403 403 200 200")
        .call((r, c) -> r.get("/api/v1/statistics/releases"));
    statisticsOn("GET /api/v1/statistics/releases/{id}")
        .expect("401 403 403 403 403 200 200")
        .call((r, c) -> r.get("/api/v1/statistics/releases/" + release()));
    statisticsOn("POST /api/v1/statistics/releases")
        .expect("401 403 403 403 403 403 201")
        .call((r, c) -> r.post("/api/v1/statistics/releases"));
  }

  // The rows' builder: on(operation), optionally given(set-up), expect(statuses), call(request).

  private Builder on(String endpoint) {
    return new Builder(endpoint);
  }

  private Builder statisticsOn(String endpoint) {
    return on(endpoint).withoutCase().given(AccessControlTest::aRelease);
  }

  private final class Builder {
    private final String endpoint;
    private Consumer<Case> setup = NOTHING;
    private boolean withCase = true;
    private boolean namesEveryAgency;
    private int[] statuses;

    private Builder(String endpoint) {
      this.endpoint = endpoint;
    }

    Builder given(Consumer<Case> made) {
      setup = made;
      return this;
    }

    Builder withoutCase() {
      withCase = false;
      return this;
    }

    /** The answer names every agency (a registry): only the person is looked for in it. */
    Builder namingEveryAgency() {
      namesEveryAgency = true;
      return this;
    }

    /** The callers' statuses: seven, the statistician's as the analyst's, or eight. */
    Builder expect(String columns) {
      int[] s = Arrays.stream(columns.trim().split(" +")).mapToInt(Integer::parseInt).toArray();
      if (s.length == 7) {
        s = Arrays.copyOf(s, 8);
        s[7] = s[5];
      } else if (s.length != 8) {
        throw new IllegalArgumentException(endpoint + ": 7 or 8 statuses, not " + columns);
      }
      statuses = s;
      return this;
    }

    void call(BiFunction<RequestSpecification, Case, Response> call) {
      if (statuses == null) {
        throw new IllegalStateException(endpoint + ": no statuses");
      }
      rows.add(new Row(endpoint, statuses, withCase, namesEveryAgency, setup, call));
    }
  }
}
