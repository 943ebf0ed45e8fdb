package org.nrmreferrals.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneId;
import org.nrmreferrals.NrmConfig;

/**
 * Allocates reference numbers counted per kind and calendar year in the jurisdiction's zone:
 * NRM-2026-000123, DTN-2026-000045. The counter row is locked until the intake commits, so numbers
 * are unique and, as rolled-back intakes release theirs, without gaps.
 */
@ApplicationScoped
class ReferenceNumbers {
  private final EntityManager em;
  private final ZoneId zone;

  ReferenceNumbers(EntityManager em, NrmConfig config) {
    this.em = em;
    this.zone = ZoneId.of(config.jurisdictionZone());
  }

  String next(ReferralKind kind, Instant submittedAt) {
    String prefix = kind == ReferralKind.NRM ? "NRM" : "DTN";
    int year = submittedAt.atZone(zone).getYear();
    Number value =
        (Number)
            em.createNativeQuery(
                    "insert into reference_counter (prefix, year, last_value) values (?1, ?2, 1)"
                        + " on conflict (prefix, year)"
                        + " do update set last_value = reference_counter.last_value + 1"
                        + " returning last_value")
                .setParameter(1, prefix)
                .setParameter(2, year)
                .getSingleResult();
    return String.format("%s-%d-%06d", prefix, year, value.longValue());
  }
}
