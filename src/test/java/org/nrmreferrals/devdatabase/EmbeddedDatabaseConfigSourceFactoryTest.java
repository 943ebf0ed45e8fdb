package org.nrmreferrals.devdatabase;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packaged application never starts an embedded database: in production, without a JDBC URL,
 * the factory adds nothing, and Quarkus refuses to start for want of one.
 */
class EmbeddedDatabaseConfigSourceFactoryTest {
  @Test
  void addsNoDatabaseInProduction() {
    ConfigSourceContext production =
        new ConfigSourceContext() {
          @Override
          public ConfigValue getValue(String name) {
            return null;
          }

          @Override
          public List<String> getProfiles() {
            return List.of("prod");
          }

          @Override
          public Iterator<String> iterateNames() {
            return List.<String>of().iterator();
          }
        };
    assertFalse(
        new EmbeddedDatabaseConfigSourceFactory()
            .getConfigSources(production)
            .iterator()
            .hasNext());
  }
}
