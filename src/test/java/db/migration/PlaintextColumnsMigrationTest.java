package db.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * V18 drops the plaintext personal-data columns that releases since V14 emptied at start-up: on a
 * database they emptied it drops them, and on one still holding anything in clear it refuses and
 * changes nothing. Flyway alone, on databases of its own on the machine's PostgreSQL (no Quarkus).
 */
class PlaintextColumnsMigrationTest {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

  /** The databases this test made, dropped after each test. */
  private final List<String> made = new ArrayList<>();

  @AfterEach
  void dropDatabases() throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
        Statement s = c.createStatement()) {
      for (String name : made) {
        s.execute("drop database if exists " + name + " with (force)");
      }
    }
  }

  @Test
  void dropsTheEmptiedColumns() throws SQLException {
    String db = freshDatabaseAtV17();
    UUID id = referral(db);
    sql(db, "insert into referral_personal_data (referral_id, sealed) values ('" + id + "', 'x')");

    flyway(db, "18").migrate();

    assertEquals(
        0,
        count(
            db,
            "information_schema.columns where table_name ="
                + " 'referral_personal_data' and column_name = 'given_name'"));
    assertEquals(
        0,
        count(
            db,
            "information_schema.columns where table_name = 'referral'"
                + " and column_name = 'languages'"));
    assertEquals(1, count(db, "referral_personal_data where referral_id = '" + id + "'"));
  }

  @Test
  void refusesWhileAnythingIsInClearAndDropsNothing() throws SQLException {
    String db = freshDatabaseAtV17();
    UUID id = referral(db);
    sql(
        db,
        "insert into referral_personal_data (referral_id, given_name) values ('"
            + id
            + "', 'Written in clear')");

    FlywayException e = assertThrows(FlywayException.class, () -> flyway(db, "18").migrate());

    assertTrue(e.getMessage().contains("personal data is still stored in clear"), e.getMessage());
    assertEquals(1, count(db, "referral_personal_data where given_name = 'Written in clear'"));
    assertEquals(0, count(db, "flyway_schema_history where version = '18' and success"));
  }

  private String freshDatabaseAtV17() throws SQLException {
    String name = "nrm_v18_" + Long.toHexString(System.nanoTime());
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    }
    made.add(name);
    flyway(name, "17").migrate();
    return name;
  }

  /** A referral row as the intake wrote it before V18. */
  private static UUID referral(String db) throws SQLException {
    UUID id = UUID.randomUUID();
    sql(
        db,
        "insert into referral (id, reference, kind, status, jurisdiction, agency_code,"
            + " submitted_by, submitted_at, gender, nationalities, age_at_exploitation,"
            + " exploitation_types, exploitation_location, indicator_catalogue_version,"
            + " status_since, rg_decision_due_by) values ('"
            + id
            + "', 'NRM-2020-000001', 'NRM', 'SUBMITTED', 'ENGLAND_AND_WALES',"
            + " 'POLICE_METROPOLITAN', 'officer-1', now(), 'FEMALE', '{AL}', 'ADULT', '{LABOUR}',"
            + " 'UK', 1, now(), current_date + 5)");
    return id;
  }

  private static Flyway flyway(String db, String target) {
    return Flyway.configure()
        .dataSource(SERVER + db, "postgres", "")
        .locations("classpath:db/migration")
        .target(target)
        .load();
  }

  private static void sql(String db, String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER + db, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private static long count(String db, String from) throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER + db, "postgres", "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select count(*) from " + from)) {
      r.next();
      return r.getLong(1);
    }
  }
}
