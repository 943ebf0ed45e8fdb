package org.nrmreferrals.devdatabase;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Points the datasource at an embedded PostgreSQL in the dev and test profiles when no JDBC URL is
 * configured. Setting {@code QUARKUS_DATASOURCE_JDBC_URL} uses that server instead.
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {
  private static final String URL_KEY = "quarkus.datasource.jdbc.url";
  private static final String ZONKY = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    List<String> profiles = context.getProfiles();
    boolean dev = profiles.contains("dev");
    if (!(dev || profiles.contains("test")) || isSet(context, URL_KEY) || !zonkyPresent()) {
      return List.of();
    }
    String url =
        dev
            ? EmbeddedDatabase.persistent(
                Path.of(value(context, "nrm.embedded-postgres.data-directory").orElseThrow()),
                Integer.parseInt(value(context, "nrm.embedded-postgres.port").orElseThrow()))
            : EmbeddedDatabase.throwaway();
    return List.of(
        new PropertiesConfigSource(
            Map.of(URL_KEY, url, "quarkus.datasource.username", "postgres"),
            "embedded-postgres",
            200));
  }

  private static boolean isSet(ConfigSourceContext context, String key) {
    return value(context, key).isPresent();
  }

  private static Optional<String> value(ConfigSourceContext context, String key) {
    ConfigValue value = context.getValue(key);
    return Optional.ofNullable(value == null ? null : value.getValue()).filter(v -> !v.isBlank());
  }

  private static boolean zonkyPresent() {
    try {
      Class.forName(ZONKY, false, EmbeddedDatabaseConfigSourceFactory.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
