package org.nrmreferrals.statistics;

import com.carrotsearch.hppc.ObjectIntHashMap;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What happened to cases after their decisions, as the snapshot counts it: reconsideration requests
 * decided (accepted or declined) and disqualifications confirmed, each in the month it happened.
 * They are read from their own tables (so requests made before their events existed count too),
 * each once: a case touched again is read again and its rows already counted are skipped.
 */
final class CaseEvents {
  /** The decisions a reconsideration is asked of, in the order rows come. */
  static final List<String> RECONSIDERED =
      List.of("RG_NEGATIVE", "CG_NEGATIVE", "DISQUALIFICATION");

  /** A request's grounds: either, both, or not recorded (requests made before V20). */
  static final List<String> GROUNDS =
      List.of("ADDITIONAL_EVIDENCE", "NOT_IN_LINE_WITH_GUIDANCE", "BOTH", "NOT_RECORDED");

  /** A request's outcome, coded as its code here: declined 0, accepted 1. */
  static final List<String> RECONSIDERATION_OUTCOMES = List.of("DECLINED", "ACCEPTED");

  /** Disqualification grounds (Nationality and Borders Act 2022 s.63). */
  static final List<String> DISQUALIFICATION_GROUNDS = List.of("PUBLIC_ORDER", "BAD_FAITH");

  private final SnapshotSql sql;
  private final Set<UUID> counted = new HashSet<>();

  /** Reconsideration requests decided. */
  int reconsiderations;

  int[] reconsiderationSlot = new int[0];
  short[] reconsiderationMonth = new short[0];
  byte[] reconsidered = new byte[0];
  byte[] reconsiderationGrounds = new byte[0];
  byte[] accepted = new byte[0];

  /** Disqualifications confirmed (those set aside later included: they were issued). */
  int disqualifications;

  int[] disqualificationSlot = new int[0];
  short[] disqualificationMonth = new short[0];
  byte[] disqualificationGrounds = new byte[0];

  CaseEvents(SnapshotSql sql) {
    this.sql = sql;
  }

  void clear() {
    counted.clear();
    reconsiderations = 0;
    disqualifications = 0;
  }

  /**
   * Adds the decided requests and confirmed disqualifications of these referrals (of all, when
   * null) not counted yet; every referral they name is in {@code slotOf}.
   */
  void load(Connection c, Collection<UUID> referrals, ObjectIntHashMap<UUID> slotOf)
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
            putReconsideration(
                slot(slotOf, rs.getObject(2, UUID.class)),
                rs.getInt(3),
                RECONSIDERED.indexOf(rs.getString(4)),
                grounds((String[]) rs.getArray(5).getArray()),
                "ACCEPTED".equals(rs.getString(6)));
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
            putDisqualification(
                slot(slotOf, rs.getObject(2, UUID.class)),
                rs.getInt(3),
                DISQUALIFICATION_GROUNDS.indexOf(rs.getString(4)));
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

  static int grounds(String[] grounds) {
    Set<String> set = Set.of(grounds);
    if (set.size() == 2) {
      return GROUNDS.indexOf("BOTH");
    }
    return set.isEmpty() ? GROUNDS.indexOf("NOT_RECORDED") : GROUNDS.indexOf(grounds[0]);
  }

  private void putReconsideration(int slot, int month, int decision, int grounds, boolean yes) {
    if (reconsiderations == reconsiderationSlot.length) {
      int grown = Math.max(256, reconsiderations * 2);
      reconsiderationSlot = Arrays.copyOf(reconsiderationSlot, grown);
      reconsiderationMonth = Arrays.copyOf(reconsiderationMonth, grown);
      reconsidered = Arrays.copyOf(reconsidered, grown);
      reconsiderationGrounds = Arrays.copyOf(reconsiderationGrounds, grown);
      accepted = Arrays.copyOf(accepted, grown);
    }
    int i = reconsiderations++;
    reconsiderationSlot[i] = slot;
    reconsiderationMonth[i] = (short) month;
    reconsidered[i] = (byte) decision;
    reconsiderationGrounds[i] = (byte) grounds;
    accepted[i] = (byte) (yes ? 1 : 0);
  }

  private void putDisqualification(int slot, int month, int grounds) {
    if (disqualifications == disqualificationSlot.length) {
      int grown = Math.max(256, disqualifications * 2);
      disqualificationSlot = Arrays.copyOf(disqualificationSlot, grown);
      disqualificationMonth = Arrays.copyOf(disqualificationMonth, grown);
      disqualificationGrounds = Arrays.copyOf(disqualificationGrounds, grown);
    }
    int i = disqualifications++;
    disqualificationSlot[i] = slot;
    disqualificationMonth[i] = (short) month;
    disqualificationGrounds[i] = (byte) grounds;
  }
}
