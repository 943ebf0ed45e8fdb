package org.nrmreferrals.statistics;

import com.carrotsearch.hppc.ObjectIntHashMap;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Reads reconsideration requests decided and disqualifications confirmed into {@link CaseEvents},
 * from their own tables (so requests made before their events existed count too), each once: a case
 * touched again is read again and its rows already counted are skipped, so a retried catch-up never
 * counts one twice.
 */
final class CaseEventReader {
  private final SnapshotSql sql;
  private final Set<UUID> counted = new HashSet<>();

  CaseEventReader(SnapshotSql sql) {
    this.sql = sql;
  }

  /** Forgets what was counted, with the facts it was counted into. */
  void clear(CaseEvents into) {
    counted.clear();
    into.clear();
  }

  /**
   * Adds the decided requests and confirmed disqualifications of these referrals (of all, when
   * null) not counted yet; every referral they name is in {@code slotOf}.
   */
  void load(
      Connection c,
      Collection<UUID> referrals,
      ObjectIntHashMap<UUID> slotOf,
      RecordKeys keys,
      CaseEvents into)
      throws SQLException {
    if (referrals != null && referrals.isEmpty()) {
      return;
    }
    String where = referrals == null ? "" : " AND referral_id = ANY (?)";
    try (PreparedStatement s = c.prepareStatement(sql.reconsiderationSql(where))) {
      bind(c, s, referrals);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          UUID id = rs.getObject(1, UUID.class);
          if (!counted.contains(id)) {
            into.putReconsideration(
                slot(slotOf, rs.getObject(2, UUID.class)),
                rs.getInt(3),
                CaseEvents.RECONSIDERED.indexOf(rs.getString(4)),
                CaseEvents.grounds((String[]) rs.getArray(5).getArray()),
                "ACCEPTED".equals(rs.getString(6)),
                keys.caseEvent(id));
            counted.add(id);
          }
        }
      }
    }
    try (PreparedStatement s = c.prepareStatement(sql.disqualificationSql(where))) {
      bind(c, s, referrals);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          UUID id = rs.getObject(1, UUID.class);
          if (!counted.contains(id)) {
            into.putDisqualification(
                slot(slotOf, rs.getObject(2, UUID.class)),
                rs.getInt(3),
                CaseEvents.DISQUALIFICATION_GROUNDS.indexOf(rs.getString(4)),
                keys.caseEvent(id));
            counted.add(id);
          }
        }
      }
    }
  }

  private static void bind(Connection c, PreparedStatement s, Collection<UUID> referrals)
      throws SQLException {
    if (referrals != null) {
      Array ids = c.createArrayOf("uuid", referrals.toArray());
      s.setArray(1, ids);
    }
  }

  private static int slot(ObjectIntHashMap<UUID> slotOf, UUID referral) {
    int slot = slotOf.getOrDefault(referral, -1);
    if (slot < 0) {
      throw new IllegalStateException("a reconsideration's or disqualification's case not loaded");
    }
    return slot;
  }
}
