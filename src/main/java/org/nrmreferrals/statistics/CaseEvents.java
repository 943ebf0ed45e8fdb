package org.nrmreferrals.statistics;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What happened to cases after their decisions, as statistics count it: reconsideration requests
 * decided (accepted or declined) and disqualifications confirmed, each in the month it happened
 * (read by {@link CaseEventReader}).
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

  /** Reconsideration requests decided. */
  int reconsiderations;

  int[] reconsiderationSlot = new int[0];
  short[] reconsiderationMonth = new short[0];
  byte[] reconsidered = new byte[0];
  byte[] reconsiderationGrounds = new byte[0];
  byte[] accepted = new byte[0];
  int[] reconsiderationKey = new int[0];

  /** Disqualifications confirmed (those set aside later included: they were issued). */
  int disqualifications;

  int[] disqualificationSlot = new int[0];
  short[] disqualificationMonth = new short[0];
  byte[] disqualificationGrounds = new byte[0];
  int[] disqualificationKey = new int[0];

  void clear() {
    reconsiderations = 0;
    disqualifications = 0;
  }

  static int grounds(String[] grounds) {
    Set<String> set = Set.of(grounds);
    if (set.size() == 2) {
      return GROUNDS.indexOf("BOTH");
    }
    return set.isEmpty() ? GROUNDS.indexOf("NOT_RECORDED") : GROUNDS.indexOf(grounds[0]);
  }

  void putReconsideration(
      int slot, int month, int decision, int grounds, boolean yes, int recordKey) {
    if (reconsiderations == reconsiderationSlot.length) {
      int grown = Math.max(256, reconsiderations * 2);
      reconsiderationSlot = Arrays.copyOf(reconsiderationSlot, grown);
      reconsiderationMonth = Arrays.copyOf(reconsiderationMonth, grown);
      reconsidered = Arrays.copyOf(reconsidered, grown);
      reconsiderationGrounds = Arrays.copyOf(reconsiderationGrounds, grown);
      accepted = Arrays.copyOf(accepted, grown);
      reconsiderationKey = Arrays.copyOf(reconsiderationKey, grown);
    }
    int i = reconsiderations++;
    reconsiderationSlot[i] = slot;
    reconsiderationMonth[i] = (short) month;
    reconsidered[i] = (byte) decision;
    reconsiderationGrounds[i] = (byte) grounds;
    accepted[i] = (byte) (yes ? 1 : 0);
    reconsiderationKey[i] = recordKey;
  }

  void putDisqualification(int slot, int month, int grounds, int recordKey) {
    if (disqualifications == disqualificationSlot.length) {
      int grown = Math.max(256, disqualifications * 2);
      disqualificationSlot = Arrays.copyOf(disqualificationSlot, grown);
      disqualificationMonth = Arrays.copyOf(disqualificationMonth, grown);
      disqualificationGrounds = Arrays.copyOf(disqualificationGrounds, grown);
      disqualificationKey = Arrays.copyOf(disqualificationKey, grown);
    }
    int i = disqualifications++;
    disqualificationSlot[i] = slot;
    disqualificationMonth[i] = (short) month;
    disqualificationGrounds[i] = (byte) grounds;
    disqualificationKey[i] = recordKey;
  }

  void write(DataOutputStream out) throws IOException {
    Columns.write(out, reconsiderationSlot, reconsiderations);
    Columns.write(out, reconsiderationMonth, reconsiderations);
    Columns.write(out, reconsidered, reconsiderations);
    Columns.write(out, reconsiderationGrounds, reconsiderations);
    Columns.write(out, accepted, reconsiderations);
    Columns.write(out, reconsiderationKey, reconsiderations);
    Columns.write(out, disqualificationSlot, disqualifications);
    Columns.write(out, disqualificationMonth, disqualifications);
    Columns.write(out, disqualificationGrounds, disqualifications);
    Columns.write(out, disqualificationKey, disqualifications);
  }

  static CaseEvents read(DataInputStream in) throws IOException {
    CaseEvents e = new CaseEvents();
    e.reconsiderationSlot = Columns.ints(in);
    e.reconsiderations = e.reconsiderationSlot.length;
    e.reconsiderationMonth = Columns.shorts(in);
    e.reconsidered = Columns.bytes(in);
    e.reconsiderationGrounds = Columns.bytes(in);
    e.accepted = Columns.bytes(in);
    e.reconsiderationKey = Columns.ints(in);
    e.disqualificationSlot = Columns.ints(in);
    e.disqualifications = e.disqualificationSlot.length;
    e.disqualificationMonth = Columns.shorts(in);
    e.disqualificationGrounds = Columns.bytes(in);
    e.disqualificationKey = Columns.ints(in);
    return e;
  }
}
