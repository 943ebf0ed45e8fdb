package org.nrmreferrals.referral;

import java.time.Instant;
import java.util.UUID;
import org.nrmreferrals.workflow.ReferralStatus;

/**
 * A disqualification as the case shows it: held for a second caseworker (confirmedAt absent; shown
 * to caseworkers and admins only), in effect, or set aside on reconsideration.
 */
public record DisqualificationView(
    UUID id,
    DisqualificationGrounds grounds,
    ReferralStatus onStatus,
    Instant requestedAt,
    Instant confirmedAt,
    Instant setAsideAt,
    boolean inEffect) {

  static DisqualificationView of(Disqualification d) {
    return new DisqualificationView(
        d.id(),
        d.grounds(),
        d.onStatus(),
        d.requestedAt(),
        d.confirmedAt(),
        d.setAsideAt(),
        d.inEffect());
  }
}
