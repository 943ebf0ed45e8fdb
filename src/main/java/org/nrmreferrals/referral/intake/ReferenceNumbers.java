package org.nrmreferrals.referral.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.referral.ReferralKind;

/**
 * Allocates reference numbers counted per kind and calendar year in the jurisdiction's zone:
 * NRM-2026-000123, DTN-2026-000045. The counter row is locked until the intake commits, so numbers
 * are unique and, as rolled-back intakes release theirs, without gaps. The intake inserts the
 * referral with a placeholder and numbers it at the end, so the lock is held for the last few
 * statements only, not for the sealing, hashing and duplicate search before them.
 */
@ApplicationScoped
class ReferenceNumbers {
  private final EntityManager em;
  private final ZoneId zone;

  ReferenceNumbers(EntityManager em, NrmConfig config) {
    this.em = em;
    this.zone = ZoneId.of(config.jurisdictionZone());
  }

  /**
   * Takes the next number of the kind and year and writes it into the referral's row, in one
   * statement; the counter row stays locked until the transaction ends, so call this as late as
   * possible.
   */
  String assign(UUID referralId, ReferralKind kind, Instant submittedAt) {
    String prefix = kind == ReferralKind.NRM ? "NRM" : "DTN";
    int year = submittedAt.atZone(zone).getYear();
    return (String)
        em.createNativeQuery(
                "with n as (insert into reference_counter (prefix, year, last_value)"
                    + " values (?1, ?2, 1) on conflict (prefix, year)"
                    + " do update set last_value = reference_counter.last_value + 1"
                    + " returning last_value::text as v)"
                    + " update referral set reference = ?1 || '-' || ?2 || '-'"
                    + " || repeat('0', greatest(0, 6 - length(n.v))) || n.v"
                    + " from n where id = ?3 returning reference")
            .setParameter(1, prefix)
            .setParameter(2, year)
            .setParameter(3, referralId)
            .getSingleResult();
  }
}
