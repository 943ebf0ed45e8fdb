package org.nrmreferrals.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.nrmreferrals.devdatabase.EmbeddedDatabase;

/**
 * A test profile on a database of its own, created empty for the run on the same server as the
 * other tests (embedded, or the one QUARKUS_DATASOURCE_JDBC_URL names): for tests whose exact
 * answers would be changed by other tests' data, such as statistics.
 */
public class FreshDatabase implements QuarkusTestProfile {
  private static final String NAME = "nrm_fresh_test";

  @Override
  public Map<String, String> getConfigOverrides() {
    String base =
        Optional.ofNullable(System.getenv("QUARKUS_DATASOURCE_JDBC_URL"))
            .filter(u -> !u.isBlank())
            .orElseGet(EmbeddedDatabase::throwaway);
    String user =
        Optional.ofNullable(System.getenv("QUARKUS_DATASOURCE_USERNAME")).orElse("postgres");
    String password = Optional.ofNullable(System.getenv("QUARKUS_DATASOURCE_PASSWORD")).orElse("");
    Properties login = new Properties();
    login.setProperty("user", user);
    login.setProperty("password", password);
    try (Connection c = new org.postgresql.Driver().connect(base, login);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + NAME);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create the fresh test database", e);
    }
    String url = base.replaceFirst("/[^/?]*(\\?.*)?$", "/" + NAME + "$1");
    return Map.of("quarkus.datasource.jdbc.url", url, "quarkus.datasource.username", user);
  }
}
