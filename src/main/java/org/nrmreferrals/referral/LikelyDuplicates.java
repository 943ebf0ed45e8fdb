package org.nrmreferrals.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The pairs of referrals that are likely of the same person (table referral_duplicate): recorded
 * when the intake's duplicate search matches, shown to caseworkers and admins on the referral, and
 * confirmed or dismissed by a caseworker.
 */
@ApplicationScoped
public class LikelyDuplicates {
  private final EntityManager em;
  private final Clock clock;

  LikelyDuplicates(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /** Records the new referral's matches: other referral, and the digests it matched on. */
  public void add(UUID referralId, Map<UUID, TreeSet<String>> matches) {
    for (Map.Entry<UUID, TreeSet<String>> m : matches.entrySet()) {
      em.createNativeQuery(
              "insert into referral_duplicate (referral_id, other_id, matched_on, found_at)"
                  + " values (?1, ?2, cast(?3 as text[]), ?4)")
          .setParameter(1, referralId)
          .setParameter(2, m.getKey())
          .setParameter(3, "{" + String.join(",", m.getValue()) + "}")
          .setParameter(4, clock.instant().truncatedTo(ChronoUnit.MICROS))
          .executeUpdate();
    }
  }

  /** The referral's likely duplicates, either way round. */
  List<PossibleDuplicate> of(UUID referralId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select case when referral_id = ?1 then other_id else referral_id end,"
                    + " array_to_string(matched_on, ','), status from referral_duplicate"
                    + " where referral_id = ?1 or other_id = ?1 order by found_at, 1")
            .setParameter(1, referralId)
            .getResultList();
    List<PossibleDuplicate> out = new ArrayList<>();
    for (Object[] row : rows) {
      out.add(
          new PossibleDuplicate(
              (UUID) row[0], Arrays.asList(((String) row[1]).split(",")), (String) row[2]));
    }
    return out;
  }

  /**
   * Forgets an erased referral's pairs, either way round: that two referrals are one person is
   * itself derived from the erased names and dates of birth.
   */
  public void forget(UUID referralId) {
    em.createNativeQuery("delete from referral_duplicate where referral_id = ?1 or other_id = ?1")
        .setParameter(1, referralId)
        .executeUpdate();
  }

  /** Records a caseworker's decision on a pair; false when the pair is not a likely duplicate. */
  public boolean decide(UUID id, UUID otherId, String status, String decidedBy) {
    return em.createNativeQuery(
                "update referral_duplicate set status = ?3, decided_by = ?4, decided_at = ?5"
                    + " where (referral_id = ?1 and other_id = ?2)"
                    + " or (referral_id = ?2 and other_id = ?1)")
            .setParameter(1, id)
            .setParameter(2, otherId)
            .setParameter(3, status)
            .setParameter(4, decidedBy)
            .setParameter(5, clock.instant().truncatedTo(ChronoUnit.MICROS))
            .executeUpdate()
        > 0;
  }
}
