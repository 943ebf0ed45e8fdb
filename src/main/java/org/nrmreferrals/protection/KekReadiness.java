package org.nrmreferrals.protection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while this instance's current key-encryption key is retired (by an administrator on
 * another instance): whatever it would seal now could not be read once the key is destroyed, so it
 * takes no traffic until it is restarted with the new key.
 */
@Readiness
@ApplicationScoped
class KekReadiness implements HealthCheck {
  private final KekRegistry registry;
  private final KeyEncryptionKeys keks;

  KekReadiness(KekRegistry registry, KeyEncryptionKeys keks) {
    this.registry = registry;
    this.keks = keks;
  }

  @Override
  public HealthCheckResponse call() {
    var check =
        HealthCheckResponse.named("Key-encryption key").withData("current", keks.currentId());
    try {
      boolean retired = QuarkusTransaction.requiringNew().call(registry::currentRetired);
      return (retired ? check.down().withData("retired", true) : check.up()).build();
    } catch (RuntimeException e) {
      return check.down().withData("error", "the key registry cannot be read").build();
    }
  }
}
