package org.nrmreferrals.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/**
 * The one test profile besides the default: a second instance of the service with the settings that
 * are read once at start and cannot change while it runs. Every test that needs one of them shares
 * this instance (one more Quarkus boot for the whole suite), and each keeps to its own agencies,
 * analysts, referrals and months as in the default instance.
 *
 * <ul>
 *   <li>Its database is on the machine's system PostgreSQL (127.0.0.1:5432, trust authentication),
 *       whose version matches the machine's {@code pg_dump}, created empty for the run: {@code
 *       DumpTest} dumps it. Start the server if it is down (see the README).
 *   <li>Published counts are neither rounded nor perturbed: {@code StatisticsTest} and {@code
 *       ErasureTest} compare exact figures. Some counts here are whole-database counts: no test but
 *       {@code StatisticsTest} makes an RG decision (its backlog counts every positive RG awaiting
 *       a CG), and none but {@code RetentionTest} withdraws a referral (it counts what is due).
 *   <li>Rate limits low enough to reach: 20 submissions per agency and 60 statistics requests per
 *       analyst a minute ({@code RateLimitTest}).
 *   <li>Webhook deliveries given up after a second and a subscription disabled after one failed
 *       delivery ({@code WebhookFailureTest}).
 *   <li>Retention of one year after withdrawal, never after a negative conclusive grounds decision,
 *       and erasure by the daily job ({@code RetentionTest}).
 *   <li>A new key-encryption key with the default instance's as the previous one ({@code
 *       KeyRotationTest}).
 * </ul>
 */
public class SecondInstance implements QuarkusTestProfile {
  public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  public static final String DATABASE = "nrm_second_instance_test";

  /** The key-encryption key of the default instance, this one's previous key. */
  public static final String OLD_KEK = "qeHlkOTN7wcrtJnri/qyxwTie8xx3Y7pGjIh+BN30TY=";

  /** This instance's key-encryption key. */
  public static final String NEW_KEK = "g1Wk0oV1m9sXbGQz3m2nB6cC8rR0xH4d7wP5yT2uE9I=";

  public static final int INTAKE_PER_MINUTE = 20;
  public static final int STATISTICS_PER_MINUTE = 60;
  public static final int CASEWORKER_REQUESTS_PER_MINUTE = 40;

  @Override
  public Map<String, String> getConfigOverrides() {
    Properties login = new Properties();
    login.setProperty("user", "postgres");
    try (Connection c = new org.postgresql.Driver().connect(SERVER + "postgres", login);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + DATABASE);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "the system PostgreSQL at 127.0.0.1:5432 is needed by the tests (see the README)", e);
    }
    return Map.ofEntries(
        Map.entry("quarkus.datasource.jdbc.url", SERVER + DATABASE),
        Map.entry("quarkus.datasource.username", "postgres"),
        Map.entry("quarkus.datasource.password", "unused"),
        Map.entry("nrm.rate-limit.intake-per-minute", Integer.toString(INTAKE_PER_MINUTE)),
        Map.entry("nrm.rate-limit.statistics-per-minute", Integer.toString(STATISTICS_PER_MINUTE)),
        Map.entry(
            "nrm.rate-limit.requests.caseworker", Integer.toString(CASEWORKER_REQUESTS_PER_MINUTE)),
        Map.entry("nrm.webhooks.give-up-after", "PT1S"),
        Map.entry("nrm.webhooks.disable-after-failed-deliveries", "1"),
        Map.entry("nrm.retention.withdrawn", "P1Y"),
        Map.entry("nrm.retention.cg-negative", "never"),
        Map.entry("nrm.retention.mode", "erase"),
        Map.entry("nrm.kek", NEW_KEK),
        Map.entry("nrm.kek-previous", OLD_KEK),
        Map.entry("nrm.statistics.rounding-base", "1"),
        Map.entry("nrm.statistics.perturbation.max-noise", "0"));
  }
}
