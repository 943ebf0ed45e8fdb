package org.nrmreferrals.protection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import org.nrmreferrals.Jdbc;
import org.nrmreferrals.NrmConfig;

/**
 * The key-encryption keys in use and retired ({@code key_encryption_key}). Each configured key is
 * recorded when first seen, so its age is known; a rotation is due when the current key is older
 * than {@code nrm.kek-max-age}. A retired key has nothing left under it and is to be destroyed: an
 * instance whose current key it is refuses to start, and one running with it stops being ready.
 */
@ApplicationScoped
public class KekRegistry {
  private static final Logger LOG = Logger.getLogger(KekRegistry.class);
  private final EntityManager em;
  private final KeyEncryptionKeys keks;
  private final Clock clock;
  private final Duration maxAge;
  private volatile Instant currentSince;

  KekRegistry(
      EntityManager em,
      KeyEncryptionKeys keks,
      Clock clock,
      NrmConfig config,
      MeterRegistry metrics) {
    this.em = em;
    this.keks = keks;
    this.clock = clock;
    this.maxAge = config.kekMaxAge();
    Gauge.builder("nrm.kek.current.age.days", this, KekRegistry::currentAgeDays)
        .description("Days since the current key-encryption key was first used; rotate it by")
        .register(metrics);
  }

  /** A key as recorded: when first used, and whether (and when) it was retired. */
  public record Kek(String kekId, Instant firstUsedAt, Instant retiredAt, String retiredBy) {}

  /** Before any other start-up work, which may seal under the current key. */
  void atStartup(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
    QuarkusTransaction.requiringNew().run(this::register);
  }

  /**
   * Records the configured keys; refuses (stopping the start) if the current one was retired. A
   * retired earlier key still configured is only warned about: nothing is under it any more.
   */
  void register() {
    Instant now = clock.instant();
    for (String id : keks.configuredIds()) {
      Jdbc.update(
          em,
          "insert into key_encryption_key (kek_id, first_used_at) values (?, ?)"
              + " on conflict (kek_id) do nothing",
          s -> {
            s.setString(1, id);
            s.setObject(2, now.atOffset(java.time.ZoneOffset.UTC));
          });
    }
    Set<String> retired = retiredIds();
    String refusal = refusal(keks.currentId(), retired);
    if (refusal != null) {
      throw new IllegalStateException(refusal);
    }
    for (String id : keks.configuredIds()) {
      if (retired.contains(id)) {
        LOG.warnf(
            "Key-encryption key %s was retired: remove it from NRM_KEK_PREVIOUS and destroy it",
            id);
      }
    }
    currentSince = find(keks.currentId()).firstUsedAt();
  }

  /** Why this key may not be the current one (it was retired), or null. */
  static String refusal(String currentId, Set<String> retired) {
    if (!retired.contains(currentId)) {
      return null;
    }
    return "Refusing to start: the key-encryption key "
        + currentId
        + " (NRM_KEK) was retired; configure the new key and destroy this one";
  }

  /** Whether the current key was retired since this instance started (by another instance). */
  boolean currentRetired() {
    Kek current = find(keks.currentId());
    return current != null && current.retiredAt() != null;
  }

  /** Every key recorded, oldest first. */
  public List<Kek> all() {
    return Jdbc.all(
        em,
        "select kek_id, first_used_at, retired_at, retired_by from key_encryption_key"
            + " order by first_used_at, kek_id",
        s -> {},
        KekRegistry::read);
  }

  /** The key, or null if this service never used it. */
  Kek find(String kekId) {
    return Jdbc.first(
        em,
        "select kek_id, first_used_at, retired_at, retired_by from key_encryption_key"
            + " where kek_id = ?",
        s -> s.setString(1, kekId),
        KekRegistry::read);
  }

  /** Marks the key retired, in the caller's transaction; false if it was already. */
  boolean retire(String kekId, String by) {
    return Jdbc.update(
            em,
            "update key_encryption_key set retired_at = ?, retired_by = ?"
                + " where kek_id = ? and retired_at is null",
            s -> {
              s.setObject(1, clock.instant().atOffset(java.time.ZoneOffset.UTC));
              s.setString(2, by);
              s.setString(3, kekId);
            })
        == 1;
  }

  /** When the current key is due for rotation. */
  public Instant rotationDueAt() {
    return currentSince == null ? null : currentSince.plus(maxAge);
  }

  private Set<String> retiredIds() {
    return new TreeSet<>(
        Jdbc.all(
            em,
            "select kek_id from key_encryption_key where retired_at is not null",
            s -> {},
            rs -> rs.getString(1)));
  }

  private double currentAgeDays() {
    Instant since = currentSince;
    return since == null ? Double.NaN : Duration.between(since, clock.instant()).toHours() / 24.0;
  }

  private static Kek read(java.sql.ResultSet rs) throws java.sql.SQLException {
    OffsetDateTime retired = rs.getObject(3, OffsetDateTime.class);
    return new Kek(
        rs.getString(1),
        rs.getObject(2, OffsetDateTime.class).toInstant(),
        retired == null ? null : retired.toInstant(),
        rs.getString(4));
  }
}
