package org.nrmreferrals.operations;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * Ready only when every migration this build ships is applied and none has failed. Migrations a
 * newer release applied (during a rolling upgrade) are reported but keep the instance ready:
 * migrations are written to be compatible with the release before them (expand, then contract a
 * release later), so the older replicas serve until they are replaced.
 */
@Readiness
@ApplicationScoped
class MigrationReadiness implements HealthCheck {
  private final Flyway flyway;

  MigrationReadiness(Flyway flyway) {
    this.flyway = flyway;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder check = HealthCheckResponse.named("Database schema migrations");
    MigrationInfoService info;
    try {
      info = flyway.info();
    } catch (RuntimeException e) {
      return check.down().withData("error", "the migration history cannot be read").build();
    }
    MigrationInfo current = info.current();
    long pending = info.pending().length;
    long failed = Arrays.stream(info.all()).filter(m -> m.getState().isFailed()).count();
    long unknown =
        Arrays.stream(info.all()).filter(m -> m.getState().name().contains("FUTURE")).count();
    check
        .withData("schemaVersion", current == null ? "none" : current.getVersion().getVersion())
        .withData("pending", pending)
        .withData("failed", failed)
        .withData("newerThanThisBuild", unknown);
    return (pending == 0 && failed == 0 ? check.up() : check.down()).build();
  }
}
