package org.nrmreferrals.statistics;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The coded facts statistics count, as columns (about 30 bytes a referral): one slot per referral,
 * the decisions issued, what happened after them, and the agencies and police forces the codes
 * name. None holds an identity. The snapshot keeps one current; a release is a frozen copy.
 */
final class CodedFacts {
  static final int RG = 0;
  static final int CG = 1;

  /** The moment the facts were read. */
  Instant asOf;

  /** Slots: one per referral; month -1 marks an empty slot. */
  int slots;

  short[] month = new short[0];
  int[] day = new int[0];
  int[] rgDay = new int[0];
  short[] nationality = new short[0];
  short[] countryOfOrigin = new short[0];
  byte[] gender = new byte[0];
  byte[] age = new byte[0];
  byte[] types = new byte[0];
  byte[] profile = new byte[0];
  byte[] countyLines = new byte[0];
  byte[] location = new byte[0];
  short[] agency = new short[0];
  byte[] jurisdiction = new byte[0];
  byte[] policeForce = new byte[0];
  byte[] kind = new byte[0];
  byte[] status = new byte[0];

  /** The month a child was referred to an ICTG, or -1. */
  short[] ictgMonth = new short[0];

  /** Each referral's record key (see {@link RecordKeys}). */
  int[] key = new int[0];

  /** The competent authority's id (in {@link #authorities}) and the age group at referral. */
  byte[] authority = new byte[0];

  byte[] ageGroup = new byte[0];

  /** Every nationality together (dual nationals under their combination), as an id. */
  short[] nationalitySet = new short[0];

  /** Decisions issued, in chain order. */
  int decisions;

  int[] decisionSlot = new int[0];
  short[] decisionMonth = new short[0];
  int[] decisionDay = new int[0];
  byte[] decisionStage = new byte[0];
  byte[] decisionPositive = new byte[0];
  int[] decisionKey = new int[0];

  /** Reconsiderations decided and disqualifications confirmed. */
  CaseEvents caseEvents = new CaseEvents();

  /** Agencies by id (in the order first seen), and each one's type. */
  CodeRegistry agencies = new CodeRegistry(Short.MAX_VALUE);

  byte[] agencyType = new byte[0];

  /** Combinations of nationalities by id (codes sorted, joined by "_"; NOT_SPECIFIED for none). */
  CodeRegistry nationalitySets = new CodeRegistry(Short.MAX_VALUE);

  /** Competent authorities by id (in the order first seen). */
  CodeRegistry authorities = new CodeRegistry(Byte.MAX_VALUE);

  /** Police forces: NOT_SPECIFIED, then every code in code order; and the nation of each. */
  List<String> policeForces = List.of(Dimension.NOT_SPECIFIED);

  List<String> policeForceNations = List.of(Dimension.NOT_SPECIFIED);

  void clearDecisions() {
    decisions = 0;
  }

  void putDecision(int slot, String to, int month, int day, int recordKey) {
    if (decisions == decisionSlot.length) {
      int grown = Math.max(1024, decisions * 2);
      decisionSlot = Arrays.copyOf(decisionSlot, grown);
      decisionMonth = Arrays.copyOf(decisionMonth, grown);
      decisionDay = Arrays.copyOf(decisionDay, grown);
      decisionStage = Arrays.copyOf(decisionStage, grown);
      decisionPositive = Arrays.copyOf(decisionPositive, grown);
      decisionKey = Arrays.copyOf(decisionKey, grown);
    }
    decisionSlot[decisions] = slot;
    decisionStage[decisions] = (byte) (to.startsWith("RG") ? RG : CG);
    decisionPositive[decisions] = (byte) (to.endsWith("POSITIVE") ? 1 : 0);
    decisionMonth[decisions] = (short) month;
    decisionDay[decisions] = day;
    decisionKey[decisions] = recordKey;
    decisions++;
  }

  void ensureSlots(int needed) {
    if (needed <= slots) {
      return;
    }
    if (needed > month.length) {
      int grown = Math.max(needed, Math.max(1024, month.length * 2));
      int old = month.length;
      month = Arrays.copyOf(month, grown);
      Arrays.fill(month, old, grown, (short) -1);
      day = Arrays.copyOf(day, grown);
      rgDay = Arrays.copyOf(rgDay, grown);
      nationality = Arrays.copyOf(nationality, grown);
      countryOfOrigin = Arrays.copyOf(countryOfOrigin, grown);
      gender = Arrays.copyOf(gender, grown);
      age = Arrays.copyOf(age, grown);
      types = Arrays.copyOf(types, grown);
      profile = Arrays.copyOf(profile, grown);
      countyLines = Arrays.copyOf(countyLines, grown);
      location = Arrays.copyOf(location, grown);
      agency = Arrays.copyOf(agency, grown);
      jurisdiction = Arrays.copyOf(jurisdiction, grown);
      policeForce = Arrays.copyOf(policeForce, grown);
      kind = Arrays.copyOf(kind, grown);
      status = Arrays.copyOf(status, grown);
      ictgMonth = Arrays.copyOf(ictgMonth, grown);
      Arrays.fill(ictgMonth, old, grown, (short) -1);
      key = Arrays.copyOf(key, grown);
      authority = Arrays.copyOf(authority, grown);
      ageGroup = Arrays.copyOf(ageGroup, grown);
      nationalitySet = Arrays.copyOf(nationalitySet, grown);
    }
    slots = needed;
  }

  /** An agency's id, registering a code not seen before (its type is set by the loader). */
  int agencyId(String code) {
    int id = agencies.id(code);
    if (agencyType.length < agencies.size()) {
      agencyType = Arrays.copyOf(agencyType, agencies.size());
    }
    return id;
  }

  /** The stored form's mark and version: a release stored in another cannot be read. */
  static final int MAGIC = 0x4E524D46; // "NRMF"

  static final int VERSION = 1;

  /** Writes the facts, each column trimmed to its length. */
  void write(DataOutputStream out) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeLong(asOf.getEpochSecond());
    out.writeInt(asOf.getNano());
    Columns.write(out, month, slots);
    Columns.write(out, day, slots);
    Columns.write(out, rgDay, slots);
    Columns.write(out, nationality, slots);
    Columns.write(out, countryOfOrigin, slots);
    Columns.write(out, gender, slots);
    Columns.write(out, age, slots);
    Columns.write(out, types, slots);
    Columns.write(out, profile, slots);
    Columns.write(out, countyLines, slots);
    Columns.write(out, location, slots);
    Columns.write(out, agency, slots);
    Columns.write(out, jurisdiction, slots);
    Columns.write(out, policeForce, slots);
    Columns.write(out, kind, slots);
    Columns.write(out, status, slots);
    Columns.write(out, ictgMonth, slots);
    Columns.write(out, key, slots);
    Columns.write(out, authority, slots);
    Columns.write(out, ageGroup, slots);
    Columns.write(out, nationalitySet, slots);
    Columns.write(out, decisionSlot, decisions);
    Columns.write(out, decisionMonth, decisions);
    Columns.write(out, decisionDay, decisions);
    Columns.write(out, decisionStage, decisions);
    Columns.write(out, decisionPositive, decisions);
    Columns.write(out, decisionKey, decisions);
    caseEvents.write(out);
    agencies.write(out);
    Columns.write(out, agencyType, agencyType.length);
    authorities.write(out);
    nationalitySets.write(out);
    Columns.write(out, policeForces);
    Columns.write(out, policeForceNations);
  }

  /** A release stored in a form this version cannot read. */
  static final class UnknownFormat extends IOException {
    UnknownFormat(String message) {
      super(message);
    }
  }

  /** Facts as {@link #write} wrote them. */
  static CodedFacts read(DataInputStream in) throws IOException {
    int magic = in.readInt();
    int version = in.readInt();
    if (magic != MAGIC || version != VERSION) {
      throw new UnknownFormat(
          magic != MAGIC ? "not stored coded facts" : "stored in format version " + version);
    }
    CodedFacts f = new CodedFacts();
    f.asOf = Instant.ofEpochSecond(in.readLong(), in.readInt());
    f.month = Columns.shorts(in);
    f.slots = f.month.length;
    f.day = Columns.ints(in);
    f.rgDay = Columns.ints(in);
    f.nationality = Columns.shorts(in);
    f.countryOfOrigin = Columns.shorts(in);
    f.gender = Columns.bytes(in);
    f.age = Columns.bytes(in);
    f.types = Columns.bytes(in);
    f.profile = Columns.bytes(in);
    f.countyLines = Columns.bytes(in);
    f.location = Columns.bytes(in);
    f.agency = Columns.shorts(in);
    f.jurisdiction = Columns.bytes(in);
    f.policeForce = Columns.bytes(in);
    f.kind = Columns.bytes(in);
    f.status = Columns.bytes(in);
    f.ictgMonth = Columns.shorts(in);
    f.key = Columns.ints(in);
    f.authority = Columns.bytes(in);
    f.ageGroup = Columns.bytes(in);
    f.nationalitySet = Columns.shorts(in);
    f.decisionSlot = Columns.ints(in);
    f.decisions = f.decisionSlot.length;
    f.decisionMonth = Columns.shorts(in);
    f.decisionDay = Columns.ints(in);
    f.decisionStage = Columns.bytes(in);
    f.decisionPositive = Columns.bytes(in);
    f.decisionKey = Columns.ints(in);
    f.caseEvents = CaseEvents.read(in);
    f.agencies = CodeRegistry.read(in, Short.MAX_VALUE);
    f.agencyType = Columns.bytes(in);
    f.authorities = CodeRegistry.read(in, Byte.MAX_VALUE);
    f.nationalitySets = CodeRegistry.read(in, Short.MAX_VALUE);
    f.policeForces = Columns.strings(in);
    f.policeForceNations = Columns.strings(in);
    return f;
  }
}
