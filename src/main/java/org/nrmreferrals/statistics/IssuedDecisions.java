package org.nrmreferrals.statistics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditQueries;
import org.nrmreferrals.audit.AuditQueries.Logged;

/**
 * The decisions issued in a stretch of the audit trail (status changes to RG or CG, positive or
 * negative), read through the audit package's reader, with each referral's statistics slot and the
 * decision's month and day in the jurisdiction's zone.
 */
final class IssuedDecisions {
  /** One decision as the snapshot counts it. */
  record Issued(int slot, String to, int month, int day) {}

  private static final Set<String> DECISIONS =
      Set.of("RG_POSITIVE", "RG_NEGATIVE", "CG_POSITIVE", "CG_NEGATIVE");
  private static final Set<Action> CHANGES = EnumSet.of(Action.STATUS_CHANGED);
  private static final long WINDOW = 100_000;

  private final ZoneId zone;

  IssuedDecisions(ZoneId zone) {
    this.zone = zone;
  }

  /**
   * Each decision after {@code afterSeq} up to {@code upToSeq}, in chain order. The trail is read
   * in windows of seqs, so a load from the start holds one window's decisions at a time.
   */
  void forEach(Connection c, long afterSeq, long upToSeq, Consumer<Issued> each)
      throws SQLException {
    for (long from = afterSeq; from < upToSeq; from += WINDOW) {
      List<Logged> changes = new ArrayList<>();
      AuditQueries.after(
          c,
          from,
          Math.min(upToSeq, from + WINDOW),
          CHANGES,
          null,
          e -> {
            if (DECISIONS.contains(e.toStatus())) {
              changes.add(e);
            }
          });
      Map<UUID, Integer> slots = slots(c, changes);
      for (Logged e : changes) {
        LocalDate day = e.occurredAt().atZone(zone).toLocalDate();
        each.accept(
            new Issued(
                slots.get(e.referralId()),
                e.toStatus(),
                (day.getYear() - 2000) * 12 + day.getMonthValue() - 1,
                (int) day.toEpochDay()));
      }
    }
  }

  /** The statistics slots of these decisions' referrals. */
  private static Map<UUID, Integer> slots(Connection c, List<Logged> batch) throws SQLException {
    Map<UUID, Integer> slots = new HashMap<>();
    if (batch.isEmpty()) {
      return slots;
    }
    try (PreparedStatement s =
        c.prepareStatement("SELECT id, stats_slot FROM referral WHERE id = ANY (?)")) {
      s.setArray(1, c.createArrayOf("uuid", batch.stream().map(Logged::referralId).toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          slots.put(rs.getObject(1, UUID.class), rs.getInt(2));
        }
      }
    }
    return slots;
  }
}
