package org.nrmreferrals.referral.intake;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.nrmreferrals.Jdbc;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.referral.ReferralKind;

/**
 * Allocates reference numbers counted per kind and calendar year in the jurisdiction's zone:
 * NRM-2026-000123, DTN-2026-000045, each from a PostgreSQL sequence of its own ({@code
 * reference_nrm_2026}). Taking a number locks nothing until the intake commits, so concurrent
 * intakes do not queue on it; numbers are unique and increase, and one taken by an intake that
 * rolls back is lost (a gap), never reused. The intake takes its number before it inserts the
 * referral, so the row is written once.
 */
@ApplicationScoped
class ReferenceNumbers {
  private final EntityManager em;
  private final ZoneId zone;

  /** Sequences known to exist (they are never dropped). */
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  ReferenceNumbers(EntityManager em, NrmConfig config) {
    this.em = em;
    this.zone = ZoneId.of(config.jurisdictionZone());
  }

  /** The next number of the kind in the year of {@code submittedAt}. */
  String next(ReferralKind kind, Instant submittedAt) {
    String prefix = kind == ReferralKind.NRM ? "NRM" : "DTN";
    int year = submittedAt.atZone(zone).getYear();
    String sequence = "reference_" + prefix.toLowerCase() + "_" + year;
    if (!known.contains(sequence)) {
      create(sequence);
      known.add(sequence);
    }
    // Plain JDBC on the transaction's connection: nothing of Hibernate's is involved, and its
    // native query cost more CPU than the statement (bench/intake-profile-report.md).
    long n =
        Jdbc.first(
            em, "select nextval(?::regclass)", s -> s.setString(1, sequence), rs -> rs.getLong(1));
    return String.format("%s-%d-%06d", prefix, year, n);
  }

  /**
   * Makes a year's sequence the first time it is needed, in a transaction of its own (so the
   * intake's is never aborted by a race): two instances making it at once both succeed.
   */
  private void create(String sequence) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "do $$ begin create sequence if not exists "
                            + sequence
                            + "; exception when unique_violation or duplicate_table then null;"
                            + " end $$")
                    .executeUpdate());
  }
}
