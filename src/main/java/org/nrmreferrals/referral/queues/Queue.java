package org.nrmreferrals.referral.queues;

import java.time.Instant;
import java.util.function.Function;
import org.nrmreferrals.referral.Referral;
import org.nrmreferrals.referral.ReferralQueries;

/**
 * A caseworker queue: which of the authority's cases it holds (SQL over referral {@code r}, with
 * {@code :me} the caller and {@code :today} the jurisdiction's day) and the time it is ordered by,
 * oldest first.
 */
enum Queue {
  MINE("mine", "r.assignee = :me and " + Queue.OPEN, "r.submitted_at", Referral::submittedAt),
  UNASSIGNED(
      "unassigned",
      "r.assignee is null and " + Queue.OPEN,
      "r.submitted_at",
      Referral::submittedAt),
  /** Submitted cases whose RG target date is today or past; in a case's status, oldest first. */
  RG_DUE(
      "rg-due",
      "r.status = 'SUBMITTED' and r.rg_decision_target_date <= :today",
      "r.status_since",
      Referral::statusSince),
  AWAITING_CG(
      "awaiting-cg",
      "(r.status = 'RG_POSITIVE' or (r.status = 'RECONSIDERATION_REQUESTED'"
          + " and r.reconsidering = 'CONCLUSIVE_GROUNDS'))",
      // Rows from before V9 may lack the decision time; they sort by their time in status.
      "coalesce(r.rg_decided_at, r.status_since)",
      r -> r.rgDecidedAt() != null ? r.rgDecidedAt() : r.statusSince()),
  /** Negative decisions held for a second caseworker, other than the caller's own requests. */
  SECOND_CASEWORKER(
      "second-caseworker",
      "r.pending_status is not null and r.pending_requested_by <> :me",
      "r.pending_requested_at",
      r -> r.pendingDecision().requestedAt()),
  SUSPENDED("suspended", "r.status = 'SUSPENDED'", "r.status_since", Referral::statusSince),
  CONSENT_NEEDED(
      "consent-needed", ReferralQueries.CONSENT_NEEDED, "r.submitted_at", Referral::submittedAt),
  /** Cases with a further information request awaiting its answer, due or overdue. */
  INFORMATION_AWAITED(
      "information-awaited",
      "r.status in ('SUBMITTED', 'SUSPENDED', 'RG_POSITIVE', 'RECONSIDERATION_REQUESTED')"
          + " and exists (select 1 from information_request i where i.referral_id = r.id"
          + " and i.answered_at is null)",
      "r.status_since",
      Referral::statusSince),
  /** Negative decisions with a reconsideration request awaiting an outcome. */
  RECONSIDERATION(
      "reconsideration",
      "exists (select 1 from reconsideration_request q where q.referral_id = r.id"
          + " and q.outcome is null)",
      "r.status_since",
      Referral::statusSince);

  /** A case still to be decided: before a CG, or with a decision held or reconsidered. */
  private static final String OPEN =
      "(r.status in ('SUBMITTED', 'SUSPENDED', 'RG_POSITIVE', 'RECONSIDERATION_REQUESTED')"
          + " or r.pending_status is not null)";

  private final String wireName;
  private final String condition;
  private final String orderedBy;
  private final Function<Referral, Instant> sortTime;

  Queue(String wireName, String condition, String orderedBy, Function<Referral, Instant> sortTime) {
    this.wireName = wireName;
    this.condition = condition;
    this.orderedBy = orderedBy;
    this.sortTime = sortTime;
  }

  /** The time a case is ordered by in this queue: a cursor's position. */
  Instant sortTime(Referral r) {
    return sortTime.apply(r);
  }

  String wireName() {
    return wireName;
  }

  String condition() {
    return condition;
  }

  String orderedBy() {
    return orderedBy;
  }

  /** The queue with this name, or null. */
  static Queue named(String name) {
    for (Queue q : values()) {
      if (q.wireName.equals(name)) {
        return q;
      }
    }
    return null;
  }
}
