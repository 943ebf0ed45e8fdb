package org.nrmreferrals.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nrmreferrals.support.Agencies;
import org.nrmreferrals.support.Api;
import org.nrmreferrals.support.Referrals;
import org.nrmreferrals.support.Releases;
import org.nrmreferrals.support.Sequenced;
import org.nrmreferrals.support.TestClock;
import org.nrmreferrals.support.Tokens;
import org.nrmreferrals.support.WebhookReceiver;

/**
 * Who may call each operation of openapi/openapi.yaml: every role, with the partner's own and
 * another agency, and a caseworker of the owning and of another authority, each against a case of
 * its own (an adult's referral from a fresh police agency, owned by the SCA) and what its row makes
 * first. The rows are in {@link AccessRows}; the set-ups they name are below. Callers for whom the
 * case is another's see neither its agency nor its person in any answer, and every documented
 * operation has a row.
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

  /** A call's case (none for statistics) and what its row's set-up made for it. */
  static final class Case {
    /** The referral, or null for a row without a case. */
    final String id;

    /** The referring agency, the own partner's. */
    final String agency;

    /** The person's family name, the case's own; null without a case. */
    final String family;

    /** A webhook of the agency, and one of its deliveries. */
    String webhook;

    String delivery;

    /** An information or reconsideration request on the case. */
    String request;

    /** Another referral or agency the call names. */
    String other;

    private Case(String id, String agency, String family) {
      this.id = id;
      this.agency = agency;
      this.family = family;
    }

    /** The case's version as submitted, until a set-up changes it. */
    String etag;

    static Case submitted(String agency) {
      Map<String, Object> body = Referrals.anAdultReferral();
      String family = (String) Referrals.person(body).get("familyName");
      var created =
          Api.as(Tokens.partner(agency))
              .body(body)
              .post("/api/v1/referrals")
              .then()
              .statusCode(201)
              .extract();
      Case c = new Case(created.path("id"), agency, family);
      c.etag = created.header("ETag");
      return c;
    }

    static Case none(String agency) {
      return new Case(null, agency, null);
    }

    String referral() {
      return "/api/v1/referrals/" + id;
    }

    String reconsideration() {
      return referral() + "/reconsideration-requests/" + request;
    }

    String informationRequest() {
      return referral() + "/information-requests/" + request;
    }

    String subscription() {
      return "/api/v1/webhooks/" + webhook;
    }
  }

  private static final Path OPENAPI = Path.of("openapi/openapi.yaml");
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** The callers for whom the case is another agency's or authority's, or none of theirs. */
  private static final Set<Who> OUTSIDERS =
      EnumSet.of(Who.PARTNER_OTHER, Who.CASEWORKER_OTHER, Who.ANALYST);

  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final Map<String, AccessRows.Row> ROWS = AccessRows.byEndpoint();

  /** The case of each read row, shared by its callers. */
  private static final Map<String, Case> SHARED = new java.util.HashMap<>();

  /** The other agency whose partner calls as PARTNER_OTHER. */
  private static String otherAgency;

  /** The release statistics rows read, cut before the first of them. */
  private static long release;

  /** Where the rows' webhooks deliver; it trusts each of their secrets. */
  private static WebhookReceiver receiver;

  static Stream<Arguments> matrix() {
    return ROWS.values().stream()
        .flatMap(
            row ->
                Arrays.stream(Who.values())
                    .map(who -> Arguments.of(row.endpoint(), who, row.expected(who.ordinal()))));
  }

  @ParameterizedTest(name = "{0} by {1}: {2}")
  @MethodSource("matrix")
  void answersEachCallerAsDocumented(String endpoint, Who who, int expected) {
    AccessRows.Row row = ROWS.get(endpoint);
    // A read changes nothing its row checks, so its callers share one case (and its set-up); a
    // write gets a case of its own per caller, at its current version.
    boolean read = endpoint.startsWith("GET ");
    Case c = read ? SHARED.computeIfAbsent(endpoint, e -> made(row)) : made(row);
    RequestSpecification request = as(who, c.agency);
    if (c.id != null && !read) {
      request.header("If-Match", c.etag);
    }
    Response response = row.call().apply(request, c);
    response.then().statusCode(expected);
    if (OUTSIDERS.contains(who)) {
      String body = response.asString();
      if (!row.namesEveryAgency()) {
        assertFalse(
            body.contains(c.agency),
            () -> endpoint + " shows " + who + " the case's agency " + c.agency + ": " + body);
      }
      if (c.family != null) {
        assertFalse(
            body.toLowerCase(Locale.ROOT).contains(c.family.toLowerCase(Locale.ROOT)),
            () -> endpoint + " shows " + who + " the case's person " + c.family + ": " + body);
      }
    }
  }

  /** A fresh agency, its case if the row has one, and what the row's set-up makes. */
  private static Case made(AccessRows.Row row) {
    String agency = Agencies.police();
    Case c = row.withCase() ? Case.submitted(agency) : Case.none(agency);
    if (row.setup() != AccessRows.NOTHING) {
      row.setup().accept(c);
      if (c.id != null) {
        c.etag = Referrals.etag(Tokens.admin(), c.id);
      }
    }
    return c;
  }

  @Test
  void everyDocumentedOperationHasARow() throws IOException {
    JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(OPENAPI.toFile()).path("paths");
    Set<String> documented = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      for (Map.Entry<String, JsonNode> item : path.getValue().properties()) {
        if (METHODS.contains(item.getKey())) {
          documented.add(item.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
        }
      }
    }
    Set<String> covered = new TreeSet<>();
    for (String endpoint : ROWS.keySet()) {
      covered.add(operation(endpoint));
    }
    Set<String> missing = new TreeSet<>(documented);
    missing.removeAll(covered);
    Set<String> undocumented = new TreeSet<>(covered);
    undocumented.removeAll(documented);
    assertFalse(documented.isEmpty(), "no operation read from " + OPENAPI);
    assertTrue(
        missing.isEmpty() && undocumented.isEmpty(),
        () ->
            "Operations of "
                + OPENAPI
                + " without a row in AccessRows: "
                + missing
                + "\nRows naming no operation of it: "
                + undocumented);
  }

  @AfterAll
  static synchronized void stopReceiver() {
    if (receiver != null) {
      receiver.close();
      receiver = null;
    }
  }

  /** The operation a row exercises: its name up to " | ". */
  private static String operation(String endpoint) {
    int note = endpoint.indexOf(" | ");
    return note < 0 ? endpoint : endpoint.substring(0, note);
  }

  private static String otherAgency() {
    if (otherAgency == null) {
      otherAgency = Agencies.police();
    }
    return otherAgency;
  }

  private static RequestSpecification as(Who who, String agency) {
    return switch (who) {
      case ANONYMOUS -> Api.anonymous();
      case PARTNER_OWN -> Api.as(Tokens.partner(agency));
      case PARTNER_OTHER -> Api.as(Tokens.partner(otherAgency()));
      case CASEWORKER_OWN -> Api.as(Tokens.caseworker());
      case CASEWORKER_OTHER -> Api.as(Tokens.caseworkerOf("IECA"));
      case ANALYST -> Api.as(Tokens.analyst());
      case ADMIN -> Api.as(Tokens.admin());
      case STATISTICIAN -> Api.as(Tokens.role(Roles.STATISTICIAN, "access-statistician"));
    };
  }

  // Set-ups: what a row makes before the call, on the call's case (AccessRows names them).

  static void sequenced(Case c) {
    Sequenced.now();
  }

  static void anAssignee(Case c) {
    String caseworker = Tokens.caseworker();
    Api.as(caseworker)
        .header("If-Match", Referrals.etag(caseworker, c.id))
        .body(Map.of("assignee", "someone"))
        .put(c.referral() + "/assignee")
        .then()
        .statusCode(200);
  }

  /** A caseworker of the SCA asks for a negative RG decision, held for a second caseworker. */
  static void aHeldNegativeDecision(Case c) {
    Referrals.requestANegativeDecision(Tokens.caseworker(), c.id);
  }

  /** A negative RG decision, asked for and confirmed by two caseworkers of the SCA. */
  static void aNegativeDecision(Case c) {
    aHeldNegativeDecision(c);
    Referrals.confirmHeldDecision(Tokens.caseworker(), c.id);
  }

  /** The case's agency asks for its negative decision to be reconsidered. */
  static void aReconsiderationRequest(Case c) {
    aNegativeDecision(c);
    c.request = Referrals.requestReconsideration(Tokens.partner(c.agency), c.id);
  }

  /** A caseworker of the SCA asks the case's agency (the referring one) for information. */
  static void anInformationRequest(Case c) {
    c.request =
        Api.as(Tokens.caseworker())
            .body(Map.of("question", "Where was she found?"))
            .post(c.referral() + "/information-requests")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
  }

  /** Another agency's referral of the same person (name and date of birth): a likely duplicate. */
  static void aPossibleDuplicate(Case c) {
    Map<String, Object> twin = Referrals.anAdultReferral();
    Referrals.person(twin).put("familyName", c.family);
    Referrals.person(twin).put("aliases", new ArrayList<>());
    c.other = Referrals.submit(Agencies.police(), twin);
  }

  static void anotherAgency(Case c) {
    c.other = Agencies.police();
  }

  /** A webhook of the case's agency on referral.submitted, whose secret the receiver trusts. */
  static void aWebhook(Case c) {
    JsonPath made =
        Api.as(Tokens.partner(c.agency))
            .body(Map.of("url", receiver().url(), "events", List.of("referral.submitted")))
            .post("/api/v1/webhooks")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    receiver().trust(made.getString("secret"));
    c.webhook = made.getString("id");
  }

  /** A webhook and a delivery of it, delivered: of another referral of the agency. */
  static void aDelivery(Case c) {
    aWebhook(c);
    Referrals.submit(c.agency, Referrals.anAdultReferral());
    Sequenced.now();
    c.delivery =
        Awaitility.await()
            .atMost(PATIENCE)
            .pollInterval(Duration.ofMillis(100))
            .until(() -> delivered(c), id -> id != null);
  }

  static void aWebhookDisabledByAnAdmin(Case c) {
    aWebhook(c);
    Api.as(Tokens.admin())
        .body(Map.of("reason", "Delivers to a retired system"))
        .post("/api/v1/admin/webhooks/" + c.webhook + "/disable")
        .then()
        .statusCode(200);
  }

  /** Ensures a release exists for the statistics rows to read. */
  static void aRelease(Case c) {
    if (release == 0) {
      release = Releases.cut();
    }
  }

  // What the rows' calls read.

  /** The id of a delivered delivery of the case's webhook, or null while there is none. */
  private static String delivered(Case c) {
    JsonPath deliveries =
        Api.as(Tokens.partner(c.agency))
            .get(c.subscription() + "/deliveries")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<String> statuses = deliveries.getList("status");
    for (int i = 0; i < statuses.size(); i++) {
      if ("DELIVERED".equals(statuses.get(i))) {
        return deliveries.getString("[" + i + "].id");
      }
    }
    return null;
  }

  /** The digest of the case's intake event, as its history shows it to an admin. */
  static String submittedDigest(Case c) {
    return Api.as(Tokens.admin())
        .get(c.referral() + "/history")
        .then()
        .statusCode(200)
        .extract()
        .path("events.find { it.action == 'referral.submitted' }.eventDigest");
  }

  /** The seq of the case's intake event, once sequenced into the chain. */
  static long submittedSeq(Case c) {
    Sequenced.now();
    Number seq =
        Api.as(Tokens.admin())
            .get(c.referral() + "/history")
            .then()
            .statusCode(200)
            .extract()
            .path("events.find { it.action == 'referral.submitted' }.seq");
    return seq.longValue();
  }

  static long release() {
    return release;
  }

  /** A day this many days after the service's today. */
  static LocalDate inDays(int days) {
    return LocalDate.ofInstant(TestClock.now(), ZoneId.of("Europe/London")).plusDays(days);
  }

  /** A code no other call gives: the prefix and 20 random capitals and digits. */
  static String fresh(String prefix) {
    return prefix
        + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase(Locale.ROOT);
  }

  static synchronized WebhookReceiver receiver() {
    if (receiver == null) {
      try {
        receiver = new WebhookReceiver();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return receiver;
  }
}
