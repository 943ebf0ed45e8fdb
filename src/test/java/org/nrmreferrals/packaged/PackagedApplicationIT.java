package org.nrmreferrals.packaged;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.build.Jwt;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nrmreferrals.support.Referrals;

/** The packaged application (prod profile) started as an operator would, in its own process. */
class PackagedApplicationIT {
  /** Each launched instance's management port, by its HTTP port. */
  private static final Map<Integer, Integer> MANAGEMENT_PORTS = new ConcurrentHashMap<>();

  private static final String ISSUER = "https://issuer.example/nrm";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static EmbeddedPostgres postgres;
  private static KeyPair keys;
  private static Path publicKey;
  private static Path auditKey;

  @TempDir static Path tmp;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
    publicKey = tmp.resolve("public.pem");
    Files.writeString(
        publicKey,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    auditKey = tmp.resolve("audit-signing.pem");
    Files.writeString(
        auditKey,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder()
                .encodeToString(
                    KeyPairGenerator.getInstance("Ed25519")
                        .generateKeyPair()
                        .getPrivate()
                        .getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  @Test
  void refusesToStartWithTheCommittedDevelopmentKey() throws Exception {
    Map<String, String> env = environment(freshDatabase(), freePort());
    env.put(
        "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
        Path.of("dev-keys/dev-public.pem").toAbsolutePath().toString());
    Run run = runUntilExit(env);
    assertNotEquals(0, run.exitCode());
    assertThat(
        run.output(),
        containsString(
            "Refusing to start in production: the configured token key is the development key"));
  }

  /**
   * One start on an empty database, as an operator would make it: every migration runs, tokens are
   * checked, the audit checkpoint is signed, Swagger UI is off; readiness names the schema version,
   * Prometheus metrics cover requests per endpoint, intake, the audit append and the webhook
   * backlog, and the logs are one JSON object per line, with request ids and without the personal
   * data that went through. (The only other launch is the refusal above: every other start-up check
   * is a unit test of the check itself, and kill -9 and restarts are in bench/faults.)
   */
  @Test
  void migratesAnEmptyDatabaseAndServesWithHealthMetricsAndJsonLogs() throws Exception {
    String database = freshDatabase();
    Map<String, String> env = environment(database, freePort());
    List<String> personal = new ArrayList<>();
    int port = Integer.parseInt(env.get("QUARKUS_HTTP_PORT"));
    Path log = tmp.resolve("operations-" + System.nanoTime() + ".log");
    Process app = launch(env, log);
    try {
      HttpClient http = HttpClient.newHttpClient();
      awaitReady(http, port);
      assertEquals(401, get(http, port, "/api/v1/agencies", null).statusCode());
      String admin =
          Jwt.issuer(ISSUER)
              .audience("nrm-referrals")
              .subject("ops")
              .groups(Set.of("admin"))
              .sign(keys.getPrivate());
      HttpResponse<String> agencies = get(http, port, "/api/v1/agencies", admin);
      assertEquals(200, agencies.statusCode());
      assertThat(agencies.body(), containsString("POLICE_METROPOLITAN"));
      assertEquals(
          401,
          get(http, port, "/api/v1/agencies", admin.substring(0, admin.length() - 4) + "AAAA")
              .statusCode());
      assertEquals(404, get(http, port, "/q/swagger-ui", null).statusCode());
      HttpResponse<String> checkpoint = get(http, port, "/api/v1/audit/checkpoint", admin);
      assertEquals(200, checkpoint.statusCode());
      assertThat(checkpoint.body(), containsString("\"signature\""));
      try (Connection c = postgres.getDatabase("postgres", database).getConnection();
          Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery(
                  "select count(*), count(*) filter (where success) from flyway_schema_history"
                      + " where version is not null")) {
        r.next();
        long migrations = 0; // SQL migrations and the one in Java (V10)
        for (String dir :
            List.of("src/main/resources/db/migration", "src/main/java/db/migration")) {
          try (var files = Files.list(Path.of(dir))) {
            migrations +=
                files.filter(f -> f.getFileName().toString().matches("V[0-9]+__.*")).count();
          }
        }
        assertEquals(migrations, r.getInt(1), "every migration applied");
        assertEquals(r.getInt(1), r.getInt(2), "every migration succeeded");
      }
      String partner =
          Jwt.issuer(ISSUER)
              .audience("nrm-referrals")
              .subject("officer-2")
              .groups(Set.of("partner"))
              .claim("agency", "POLICE_METROPOLITAN")
              .sign(keys.getPrivate());
      Map<String, Object> referral = Referrals.anAdultReferral();
      personal.add((String) Referrals.person(referral).get("familyName"));
      personal.add("1999-04-02");
      HttpRequest submit =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/referrals"))
              .header("Authorization", "Bearer " + partner)
              .header("Content-Type", "application/json")
              .header("X-Request-Id", "ops-check-0001")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(referral)))
              .build();
      assertEquals(201, http.send(submit, HttpResponse.BodyHandlers.ofString()).statusCode());

      assertEquals(404, get(http, port, "/q/health/ready", null).statusCode(), "not public");
      assertEquals(404, get(http, port, "/q/metrics", null).statusCode(), "not public");
      HttpResponse<String> ready = get(http, managementPort(port), "/q/health/ready", null);
      assertEquals(200, ready.statusCode());
      assertThat(ready.body(), containsString("Database schema migrations"));
      assertThat(ready.body(), containsString("\"schemaVersion\""));
      HttpResponse<String> metrics = get(http, managementPort(port), "/q/metrics", null);
      assertEquals(200, metrics.statusCode());
      for (String series :
          List.of(
              "http_server_requests_seconds_bucket{",
              "uri=\"/api/v1/referrals\"",
              "nrm_intake_submissions_total{kind=\"NRM\",outcome=\"accepted\"} 1.0",
              "nrm_audit_append_seconds_count",
              "nrm_webhooks_deliveries_pending",
              "nrm_webhooks_events_behind",
              "jvm_memory_used_bytes")) {
        assertThat(metrics.body(), containsString(series));
      }
    } finally {
      app.destroy();
      app.waitFor(30, TimeUnit.SECONDS);
    }
    List<String> lines = Files.readAllLines(log);
    assertTrue(lines.size() > 3, "the service logged its start and the requests");
    boolean accessLogged = false;
    for (String line : lines) {
      var entry = JSON.readTree(line);
      assertTrue(entry.has("message") && entry.has("level") && entry.has("timestamp"), line);
      accessLogged |=
          line.contains("ops-check-0001") && line.contains("POST /api/v1/referrals 201");
      for (String datum : personal) {
        assertTrue(!line.contains(datum), "personal data in the log: " + line);
      }
    }
    assertTrue(accessLogged, "the access log names the request id: " + lines);
  }

  /** A key-encryption key of this run's own. */
  private static final String KEK =
      java.util.Base64.getEncoder()
          .encodeToString(com.google.crypto.tink.subtle.Random.randBytes(32));

  private static Map<String, String> environment(String database, int port) throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put(
        "QUARKUS_DATASOURCE_JDBC_URL",
        "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database);
    env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
    env.put("QUARKUS_DATASOURCE_PASSWORD", "unused");
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    int management = freePort();
    MANAGEMENT_PORTS.put(port, management);
    env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(management));
    env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString());
    env.put("MP_JWT_VERIFY_ISSUER", ISSUER);
    env.put("MP_JWT_VERIFY_AUDIENCES", "nrm-referrals");
    env.put("MP_JWT_VERIFY_TOKEN_AGE", "3600");
    env.put("NRM_AUDIT_SIGNING_KEY_FILE", auditKey.toString());
    env.put("NRM_KEK", KEK);
    return env;
  }

  private static String freshDatabase() throws Exception {
    String name = "app_" + Long.toHexString(System.nanoTime());
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    }
    return name;
  }

  private static Process launch(Map<String, String> env) throws IOException {
    return launch(env, tmp.resolve("app-" + System.nanoTime() + ".log"));
  }

  /** java -jar quarkus-run.jar with exactly this configuration in its environment. */
  private static Process launch(Map<String, String> env, Path log) throws IOException {
    String jar = System.getProperty("quarkus.app.jar", "target/quarkus-app/quarkus-run.jar");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(java, "-jar", jar)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("MP_JWT") || k.startsWith("NRM_"));
    builder.environment().putAll(env);
    return builder.start();
  }

  private static Run runUntilExit(Map<String, String> env) throws Exception {
    Path log = tmp.resolve("app-" + System.nanoTime() + ".log");
    Process process = launch(env, log);
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the application kept running: " + Files.readString(log));
    }
    return new Run(process.exitValue(), Files.readString(log));
  }

  private static void awaitReady(HttpClient http, int port) {
    Awaitility.await("ready within 90 s")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptionsInstanceOf(IOException.class) // the server is still starting
        .until(() -> get(http, managementPort(port), "/q/health/ready", null).statusCode() == 200);
  }

  /** The management interface's port of the instance listening on {@code port}. */
  private static int managementPort(int port) {
    return MANAGEMENT_PORTS.get(port);
  }

  private static HttpResponse<String> get(HttpClient http, int port, String path, String token)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private record Run(int exitCode, String output) {}
}
