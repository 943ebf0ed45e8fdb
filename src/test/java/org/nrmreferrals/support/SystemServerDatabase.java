package org.nrmreferrals.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/**
 * A test profile on a database of its own on the machine's system PostgreSQL (127.0.0.1:5432, trust
 * authentication), whose version matches the machine's pg_dump: for tests that dump the database.
 * Start the server if it is down (see the README).
 */
public class SystemServerDatabase implements QuarkusTestProfile {
  public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  public static final String NAME = "nrm_dump_test";

  @Override
  public Map<String, String> getConfigOverrides() {
    Properties login = new Properties();
    login.setProperty("user", "postgres");
    try (Connection c = new org.postgresql.Driver().connect(SERVER + "postgres", login);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + NAME);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "the system PostgreSQL at 127.0.0.1:5432 is needed for the dump test (see the README)",
          e);
    }
    return Map.of(
        "quarkus.datasource.jdbc.url",
        SERVER + NAME,
        "quarkus.datasource.username",
        "postgres",
        "quarkus.datasource.password",
        "unused");
  }
}
