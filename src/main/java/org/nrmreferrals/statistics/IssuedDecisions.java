package org.nrmreferrals.statistics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditQueries;

/**
 * The decisions issued in a stretch of the audit trail (status changes to RG or CG, positive or
 * negative), read through the audit package's reader, with the decision's month and day in the
 * jurisdiction's zone. The snapshot finds each referral's slot itself, from the referrals it loads.
 */
final class IssuedDecisions {
  /** One decision as the snapshot counts it. */
  record Issued(long seq, UUID referralId, String to, int month, int day) {}

  /** The statuses that are decisions issued. */
  static final Set<String> DECISIONS =
      Set.of("RG_POSITIVE", "RG_NEGATIVE", "CG_POSITIVE", "CG_NEGATIVE");

  private static final Set<Action> CHANGES = EnumSet.of(Action.STATUS_CHANGED);

  private final ZoneId zone;

  IssuedDecisions(ZoneId zone) {
    this.zone = zone;
  }

  /** Each decision after {@code afterSeq} up to {@code upToSeq}, in chain order. */
  void forEach(Connection c, long afterSeq, long upToSeq, Consumer<Issued> each)
      throws SQLException {
    AuditQueries.after(
        c,
        afterSeq,
        upToSeq,
        CHANGES,
        null,
        e -> {
          // A case resumed from a suspension returns to a decision already counted.
          if (e.toStatus() != null
              && DECISIONS.contains(e.toStatus())
              && !"SUSPENDED".equals(e.fromStatus())) {
            LocalDate day = e.occurredAt().atZone(zone).toLocalDate();
            each.accept(
                new Issued(
                    e.seq(),
                    e.referralId(),
                    e.toStatus(),
                    StatisticsSnapshot.monthIndex(day.getYear(), day.getMonthValue()),
                    (int) day.toEpochDay()));
          }
        });
  }
}
