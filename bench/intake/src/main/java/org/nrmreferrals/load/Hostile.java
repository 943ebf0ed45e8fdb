package org.nrmreferrals.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Malformed and hostile requests generated from the OpenAPI document: for every operation, bodies
 * built from its schema and then broken (a required field dropped, a wrong type, an extra field, a
 * huge string, deep nesting, invalid UTF-8, injection strings, a wrong content type, no body),
 * path and query parameters replaced by malformed, absurd or injected values or by another
 * agency's ids, and bad or missing tokens. Each answer must be below 500 and, when an error, a
 * problem+json without a stack trace or SQL.
 *
 * <p>{@code Hostile BASE OPENAPI_YAML TOKEN_DIR COUNT OUT_DIR} writes OUT_DIR/hostile.json.
 */
public final class Hostile {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] INJECTIONS = {
    "' OR '1'='1", "1; DROP TABLE referral; --", "\" OR 1=1 --", "<script>alert(1)</script>",
    "${jndi:ldap://127.0.0.1/a}", "../../../../etc/passwd", "%00", "\u0000", "' UNION SELECT"
        + " hash FROM audit_event --", "{{7*7}}", "\\\"\\\\", "💥\uD800", "NaN", "-1", "1e309",
    "   ", ""
  };
  private static final Pattern LEAK =
      Pattern.compile(
          "(?i)(\\bat (org|java|io|jdk|com)\\.|\\w*Exception\\b|org\\.hibernate|PSQL|SQLState|"
              + "\\bselect .* from\\b|insert into|syntax error|stack ?trace|\\.java:\\d+)");

  /** A referral the service accepts: the base that most body attacks on intake start from. */
  private static final String VALID_REFERRAL =
      "{\"kind\":\"NRM\",\"jurisdiction\":\"ENGLAND_AND_WALES\",\"externalReference\":\"H-1\","
          + "\"potentialVictim\":{\"givenName\":\"Ana\",\"familyName\":\"Hostile\","
          + "\"dateOfBirth\":\"1999-04-02\",\"gender\":\"FEMALE\",\"nationalities\":[\"AL\"],"
          + "\"countryOfOrigin\":\"AL\",\"languages\":[\"sq\"],\"interpreterNeeded\":true},"
          + "\"ageAtExploitation\":\"ADULT\",\"exploitation\":{\"types\":[\"LABOUR\"],"
          + "\"countyLines\":false,\"location\":\"UK\",\"policeForce\":\"METROPOLITAN\"},"
          + "\"indicators\":[\"DEBT_BONDAGE\"],"
          + "\"consent\":{\"referral\":true,\"support\":true,\"policeContact\":false},"
          + "\"account\":\"Seen at a car wash.\"}";

  private static final String DEEP = "__deep_nesting__";

  private final JsonNode api;
  private final String base;
  private final Map<String, String> tokens = new LinkedHashMap<>();
  private final Random random = new Random(20261122);
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Map<String, Integer> byStatus = new TreeMap<>();
  private final Map<String, Integer> byFamily = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();
  private int fivexx;
  private int leaks;
  private int notProblemJson;
  private int accepted;
  private int codecRefusals;
  private int staleConnectionRetries;
  private int referralsCreated;
  private String ownReferral;
  private String otherReferral;

  private Hostile(JsonNode api, String base) {
    this.api = api;
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    JsonNode api = new ObjectMapper(new YAMLFactory()).readTree(Path.of(args[1]).toFile());
    Hostile h = new Hostile(api, args[0]);
    Path tokens = Path.of(args[2]);
    for (String role : new String[] {"partner", "caseworker", "analyst", "admin", "other-partner"}) {
      h.tokens.put(role, Files.readString(tokens.resolve(role + ".jwt")).trim());
    }
    int count = Integer.parseInt(args[3]);
    Path out = Path.of(args[4]);
    h.setUp(out.resolve("targets.txt"));
    h.run(count);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("requests", count);
    result.put("status5xx", h.fivexx);
    result.put("leaks", h.leaks);
    result.put("errorsNotProblemJson", h.notProblemJson);
    result.put("accepted2xx", h.accepted);
    result.put("referralsCreated", h.referralsCreated);
    result.put("codecRefusals", h.codecRefusals);
    result.put("staleConnectionRetries", h.staleConnectionRetries);
    result.put("byStatus", h.byStatus);
    result.put("byFamily", h.byFamily);
    result.put("failures", h.failures.subList(0, Math.min(50, h.failures.size())));
    String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result);
    Files.writeString(out.resolve("hostile.json"), json + "\n");
    System.out.println(json);
    System.exit(0);
  }

  /**
   * One referral of the partner's own agency and one of another agency's, as targets: created by
   * the first run (COUNT 0, before the database is counted), read back by the next.
   */
  private void setUp(Path targets) throws Exception {
    if (Files.exists(targets)) {
      List<String> ids = Files.readAllLines(targets);
      ownReferral = ids.get(0);
      otherReferral = ids.get(1);
      return;
    }
    ownReferral = create((ObjectNode) JSON.readTree(VALID_REFERRAL), "partner");
    otherReferral = create((ObjectNode) JSON.readTree(VALID_REFERRAL), "other-partner");
    Files.write(targets, List.of(ownReferral, otherReferral));
  }

  private String create(ObjectNode body, String token) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/referrals"))
                .header("Authorization", "Bearer " + tokens.get(token))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("setting up a referral: " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body()).get("id").asText();
  }

  private void run(int count) throws Exception {
    List<String[]> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        operations.add(new String[] {methods.next(), path.getKey()});
      }
    }
    for (int i = 0; i < count; i++) {
      String[] op = operations.get(i % operations.size());
      attack(op[0], op[1], api.get("paths").get(op[1]).get(op[0]));
    }
  }

  private void attack(String method, String template, JsonNode operation) throws Exception {
    String family;
    String token = pick(new ArrayList<>(tokens.keySet()));
    String path = fillPath(template, false);
    String query = "";
    String contentType = "application/json";
    byte[] body = null;
    JsonNode schema = bodySchema(operation);
    if (schema != null) {
      body = JSON.writeValueAsBytes(base(schema));
    }
    switch (random.nextInt(schema != null ? 9 : 4)) {
      case 0 -> {
        family = "path";
        path = fillPath(template, true);
      }
      case 1 -> {
        family = "query";
        query = hostileQuery(operation);
      }
      case 2 -> {
        family = "token";
        token =
            pick(
                List.of(
                    "none",
                    "garbage",
                    "alg-none",
                    "other-partner")); // another agency's token against own ids
      }
      case 3 -> {
        family = "method";
        method = pick(List.of("patch", "trace", "options", "delete", "put", "post", "get"));
      }
      case 4 -> {
        family = "body-shape";
        body =
            JSON.writeValueAsString(broken(base(schema)))
                .replace('"' + DEEP + '"', "[{\"a\":".repeat(1000) + "1" + "}]".repeat(1000))
                .getBytes(StandardCharsets.UTF_8);
      }
      case 5 -> {
        family = "body-size";
        body = huge();
      }
      case 6 -> {
        family = "body-encoding";
        body = encoding(body);
      }
      case 7 -> {
        family = "content-type";
        contentType = pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "", "application/json; charset=latin1", "multipart/form-data; boundary=x"));
      }
      default -> {
        family = "body-injection";
        body = JSON.writeValueAsBytes(inject(base(schema)));
      }
    }
    HttpRequest.Builder request;
    try {
      request = HttpRequest.newBuilder(URI.create(base + path + query)).timeout(Duration.ofSeconds(30));
    } catch (IllegalArgumentException e) {
      request = HttpRequest.newBuilder(URI.create(base + "/api/v1/referrals/%25%00")).timeout(Duration.ofSeconds(30));
    }
    switch (token) {
      case "none" -> {}
      case "garbage" -> request.header("Authorization", "Bearer " + "x".repeat(random.nextInt(5000)));
      case "alg-none" ->
          request.header(
              "Authorization",
              "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4IiwiZ3JvdXBzIjpbImFkbWluIl19.");
      default -> request.header("Authorization", "Bearer " + tokens.get(token));
    }
    if (!contentType.isEmpty()) {
      request.header("Content-Type", contentType);
    }
    request.header("If-Match", pick(List.of("\"0\"", "*", "\"' OR 1=1\"", "W/\"1\"")));
    request.header("Idempotency-Key", pick(List.of("k-" + random.nextLong(), "\u00e9\u00e9", "x".repeat(300), " ")).replaceAll("[^\\x20-\\x7e]", "?"));
    HttpRequest.BodyPublisher publisher =
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
    String m = method.toUpperCase();
    HttpResponse<String> r;
    try {
      HttpRequest built = request.method(m, publisher).build();
      try {
        r = http.send(built, HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException e) {
        if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
          throw e;
        }
        // A pooled connection the server had closed (it closes after a codec refusal): nothing
        // was read by the server, so send once more on a new connection, as HTTP clients do.
        staleConnectionRetries++;
        r = http.send(built, HttpResponse.BodyHandlers.ofString());
      }
    } catch (java.io.IOException e) {
      count(byStatus, "connection-failed");
      failures.add(m + " " + path + query + " (" + family + "): " + e);
      fivexx++;
      return;
    }
    int status = r.statusCode();
    count(byStatus, String.valueOf(status));
    count(byFamily, family + " " + status / 100 + "xx");
    String what = m + " " + abbreviate(path + query) + " (" + family + ")";
    if (status >= 500) {
      fivexx++;
      failures.add(what + ": " + status + " " + abbreviate(r.body()));
    }
    if (status >= 200 && status < 300) {
      accepted++;
    }
    if (status == 201
        && m.equals("POST")
        && path.equals("/api/v1/referrals")
        && !r.headers().firstValue("Idempotent-Replayed").orElse("").equals("true")) {
      referralsCreated++;
    }
    if ((status == 414 || status == 431) && r.body().isEmpty()) {
      // The HTTP codec's refusal of an over-long request line or header block: Vert.x answers
      // before any application code runs, with no body to carry a problem.
      codecRefusals++;
      return;
    }
    // A problem's `instance` is the request's own path: an injection string sent in the path comes
    // back there, JSON-escaped. What counts as a leak is SQL or a trace the service added.
    String added = r.body().replace(path, "");
    try {
      added = added.replace(java.net.URLDecoder.decode(path, java.nio.charset.StandardCharsets.UTF_8), "");
    } catch (IllegalArgumentException notDecodable) {
      // the raw path alone is what the service can echo
    }
    if (LEAK.matcher(added).find()) {
      leaks++;
      failures.add(what + ": leaks " + abbreviate(r.body()));
    }
    if (status >= 400
        && !r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
      notProblemJson++;
      failures.add(what + ": " + status + " as " + r.headers().firstValue("Content-Type").orElse("nothing"));
    }
  }

  private String fillPath(String template, boolean hostile) {
    String path = template;
    for (String name : new String[] {"id", "otherId", "deliveryId", "code"}) {
      String value;
      if (!hostile) {
        value = name.equals("code") ? "POLICE_METROPOLITAN" : ownReferral;
      } else {
        value =
            pick(
                List.of(
                    otherReferral,
                    "00000000-0000-0000-0000-000000000000",
                    "not-a-uuid",
                    "x".repeat(5000),
                    pick(List.of(INJECTIONS)),
                    "-1",
                    "%2e%2e%2f%2e%2e%2f",
                    ownReferral + "'",
                    "\u00e9t\u00e9"));
        value = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
      }
      path = path.replace("{" + name + "}", value);
    }
    return path;
  }

  private String hostileQuery(JsonNode operation) {
    StringBuilder q = new StringBuilder("?");
    List<String> names = new ArrayList<>();
    if (operation.has("parameters")) {
      for (JsonNode p : operation.get("parameters")) {
        if ("query".equals(p.path("in").asText())) {
          names.add(p.get("name").asText());
        }
      }
    }
    names.add("unknown");
    names.add("limit");
    for (String name : names) {
      String value =
          pick(
              List.of(
                  "-1", "0", "99999999999999999999", "1e309", "NaN", "abc", "x".repeat(100_000),
                  pick(List.of(INJECTIONS)), "2025-13", "2025-01-01T00:00:00Z", "[]", "{}",
                  "true", "null"));
      q.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8))
          .append('&');
    }
    return q.toString();
  }

  /** The start of a body attack: a valid referral for intake, else a body built from the schema. */
  private JsonNode base(JsonNode schema) throws Exception {
    return schema.path("$ref").asText().endsWith("/SubmitReferralRequest")
        ? JSON.readTree(VALID_REFERRAL)
        : example(schema, 0);
  }

  /** A body shaped like the schema: required and optional properties with plausible values. */
  private JsonNode example(JsonNode schema, int depth) {
    schema = resolve(schema);
    if (schema.has("enum")) {
      ArrayNode values = (ArrayNode) schema.get("enum");
      return values.get(random.nextInt(values.size()));
    }
    String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
    switch (type) {
      case "object" -> {
        ObjectNode o = NODES.objectNode();
        if (depth < 6 && schema.has("properties")) {
          for (Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            o.set(p.getKey(), example(p.getValue(), depth + 1));
          }
        }
        return o;
      }
      case "array" -> {
        ArrayNode a = NODES.arrayNode();
        if (depth < 6 && schema.has("items")) {
          a.add(example(schema.get("items"), depth + 1));
        }
        return a;
      }
      case "integer", "number" -> {
        return NODES.numberNode(1);
      }
      case "boolean" -> {
        return NODES.booleanNode(true);
      }
      default -> {
        String format = schema.path("format").asText("");
        return NODES.textNode(
            switch (format) {
              case "date" -> "1999-04-02";
              case "date-time" -> "2026-01-01T00:00:00Z";
              case "uuid" -> ownReferral == null ? "00000000-0000-0000-0000-000000000000" : ownReferral;
              case "uri" -> "https://example.org/hook";
              default -> "text";
            });
      }
    }
  }

  /** A required field dropped, a value of the wrong type, an extra field, or deep nesting. */
  private JsonNode broken(JsonNode body) {
    if (!(body instanceof ObjectNode o) || o.isEmpty()) {
      return NODES.textNode("not an object");
    }
    List<String> fields = new ArrayList<>();
    o.fieldNames().forEachRemaining(fields::add);
    String field = pick(fields);
    switch (random.nextInt(5)) {
      case 0 -> o.remove(field);
      case 1 -> o.set(field, pick(List.of(NODES.numberNode(1e308), NODES.textNode("wrong"), NODES.arrayNode(), NODES.objectNode(), NODES.nullNode(), NODES.booleanNode(false), NODES.numberNode(-9223372036854775808L))));
      case 2 -> o.put("unexpected" + random.nextInt(100), "extra");
      case 3 -> o.put(field, DEEP); // replaced by 2,000 levels of nesting once written
      default -> {
        return NODES.arrayNode().add(o);
      }
    }
    return o;
  }

  /** An injection string in every text field. */
  private JsonNode inject(JsonNode node) {
    if (node instanceof ObjectNode o) {
      List<String> fields = new ArrayList<>();
      o.fieldNames().forEachRemaining(fields::add);
      for (String f : fields) {
        o.set(f, inject(o.get(f)));
      }
      return o;
    }
    if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        a.set(i, inject(a.get(i)));
      }
      return a;
    }
    return node.isTextual() ? NODES.textNode(pick(List.of(INJECTIONS))) : node;
  }

  private byte[] huge() {
    return switch (random.nextInt(3)) {
      case 0 -> ("{\"kind\":\"" + "A".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8);
      case 1 -> ("[".repeat(200_000) + "]".repeat(200_000)).getBytes(StandardCharsets.UTF_8);
      default -> ("{\"a\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_001)).getBytes(StandardCharsets.UTF_8);
    };
  }

  private byte[] encoding(byte[] body) {
    byte[] valid = body == null ? "{}".getBytes(StandardCharsets.UTF_8) : body;
    return switch (random.nextInt(4)) {
      case 0 -> concat(new byte[] {'{', '"', 'k', 'i', 'n', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
      case 1 -> concat(valid, new byte[] {(byte) 0xFF, (byte) 0xFE});
      case 2 -> java.util.Arrays.copyOf(valid, Math.max(1, valid.length / 2));
      default -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, valid, new byte[] {0, 0});
    };
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] all = new byte[n];
    int i = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, i, p.length);
      i += p.length;
    }
    return all;
  }

  private JsonNode bodySchema(JsonNode operation) {
    JsonNode content = operation.path("requestBody").path("content");
    JsonNode json = content.path("application/json").path("schema");
    return json.isMissingNode() ? null : json;
  }

  private JsonNode schema(String name) {
    return api.get("components").get("schemas").get(name);
  }

  private JsonNode resolve(JsonNode schema) {
    while (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      schema = schema(ref.substring(ref.lastIndexOf('/') + 1));
    }
    if (schema.has("allOf")) {
      return resolve(schema.get("allOf").get(0));
    }
    return schema;
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static void count(Map<String, Integer> counts, String key) {
    counts.merge(key, 1, Integer::sum);
  }

  private static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }
}
