package org.nrmreferrals.referral;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Reads a case's disqualification: the live one (held or in effect), or the latest to show. */
@ApplicationScoped
public class Disqualifications {
  /**
   * An SQL condition, with one parameter (the referral's id), that holds while the referral has a
   * disqualification {@link #shown} could show (one not withdrawn).
   */
  static final String ANY_SHOWN =
      "exists (select 1 from disqualification where referral_id = ? and withdrawn_at is null)";

  /** The disqualification held for a second caseworker or in effect, if any. */
  public Optional<Disqualification> live(UUID referralId) {
    return Disqualification.<Disqualification>find(
            "referralId = ?1 and withdrawnAt is null and setAsideAt is null", referralId)
        .firstResultOptional();
  }

  /**
   * The disqualification to show on the case: the live one, else the latest set aside; a held one
   * only when {@code internal} (a caseworker or admin).
   */
  DisqualificationView shown(UUID referralId, boolean internal) {
    return Disqualification.<Disqualification>find(
            "referralId = ?1 and withdrawnAt is null", Sort.descending("requestedAt"), referralId)
        .firstResultOptional()
        .filter(d -> internal || d.confirmedAt() != null)
        .map(DisqualificationView::of)
        .orElse(null);
  }
}
