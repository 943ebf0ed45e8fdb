package org.nrmreferrals.devdatabase;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * One embedded PostgreSQL per JVM, stopped when the JVM exits. Live reload and test profiles load
 * this class again in new class loaders, so the running server's URL is kept in a system property,
 * which every class loader sees.
 */
public final class EmbeddedDatabase {
  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
  private static final String URL_PROPERTY = "org.nrmreferrals.devdatabase.url";
  private static EmbeddedPostgres running;

  private EmbeddedDatabase() {}

  /** A server on a fixed port whose data directory survives restarts (dev profile). */
  static synchronized String persistent(Path dataDirectory, int port) {
    if (System.getProperty(URL_PROPERTY) == null) {
      try {
        Files.createDirectories(dataDirectory);
        start(
            EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory.toAbsolutePath())
                .setCleanDataDirectory(false)
                .setPort(port));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      LOG.infof("Embedded PostgreSQL on port %d, data in %s", port, dataDirectory.toAbsolutePath());
    }
    return url();
  }

  /** A server on a free port with a temporary data directory (test profile). */
  public static synchronized String throwaway() {
    if (System.getProperty(URL_PROPERTY) == null) {
      start(EmbeddedPostgres.builder());
      LOG.infof("Embedded PostgreSQL for tests at %s", url());
    }
    return url();
  }

  private static void start(EmbeddedPostgres.Builder builder) {
    try {
      running = builder.setServerConfig("max_connections", "200").start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stop, "embedded-pg-stop"));
    System.setProperty(
        URL_PROPERTY, "jdbc:postgresql://localhost:" + running.getPort() + "/postgres");
  }

  private static void stop() {
    try {
      running.close();
    } catch (IOException e) {
      LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
    }
  }

  private static String url() {
    return System.getProperty(URL_PROPERTY);
  }
}
