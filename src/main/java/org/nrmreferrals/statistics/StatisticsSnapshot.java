package org.nrmreferrals.statistics;

import static org.nrmreferrals.statistics.SnapshotCodes.AGENCY_TYPES;
import static org.nrmreferrals.statistics.SnapshotCodes.AGES;
import static org.nrmreferrals.statistics.SnapshotCodes.COUNTRY_CODES;
import static org.nrmreferrals.statistics.SnapshotCodes.GENDERS;
import static org.nrmreferrals.statistics.SnapshotCodes.JURISDICTIONS;
import static org.nrmreferrals.statistics.SnapshotCodes.KINDS;
import static org.nrmreferrals.statistics.SnapshotCodes.LOCATIONS;
import static org.nrmreferrals.statistics.SnapshotCodes.STATUSES;
import static org.nrmreferrals.statistics.SnapshotCodes.TYPES;
import static org.nrmreferrals.statistics.SnapshotCodes.TYPE_CODES;
import static org.nrmreferrals.statistics.SnapshotCodes.code;
import static org.nrmreferrals.statistics.SnapshotCodes.index;
import static org.nrmreferrals.statistics.SnapshotCodes.orNotSpecified;

import com.carrotsearch.hppc.ObjectIntHashMap;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditQueries;

/**
 * The coded facts statistics count, held in memory as columns (about 30 bytes a referral), so that
 * a breakdown of a million referrals is a scan of a few arrays rather than a query.
 *
 * <p>It is loaded once, then kept in step by the audit trail: before every statistics request it
 * reads the head of the chain and reloads the referrals that events after its cursor touched. The
 * chain commits in order, so nothing is missed and {@code asOf} is the moment the head was read.
 * Every instance keeps its own copy; none holds an identity.
 *
 * <p>A referral's slot is its {@code stats_slot} identity column; a map from id to slot lives only
 * while a load or catch-up runs, for the decisions, which name their referral by id. Decisions
 * issued are the audit trail's status changes to a decision ({@link IssuedDecisions}).
 */
@ApplicationScoped
public class StatisticsSnapshot {
  private static final Logger LOG = Logger.getLogger(StatisticsSnapshot.class);
  private static final int BATCH = 5_000;
  static final int RG = 0;
  static final int CG = 1;

  /** The events after which the snapshot reloads a referral, or the agencies. */
  private static final Set<Action> FOLLOWED =
      EnumSet.of(
          Action.REFERRAL_SUBMITTED,
          Action.STATUS_CHANGED,
          Action.RECONSIDERATION_DECIDED,
          Action.DISQUALIFIED,
          Action.AGENCY_REGISTERED,
          Action.AGENCY_REVISED);

  private final DataSource dataSource;
  private final Clock clock;
  private final String zone;
  private final SnapshotSql sql;
  private final IssuedDecisions issuedDecisions;

  /** Reconsiderations decided and disqualifications confirmed. */
  final CaseEvents caseEvents;

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Object refreshing = new Object();

  // Everything below is written under the write lock and read under the read lock.
  private boolean loaded;
  private long cursor;
  private Instant asOf;

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

  /** Decisions issued, in chain order. */
  int decisions;

  int[] decisionSlot = new int[0];
  short[] decisionMonth = new short[0];
  int[] decisionDay = new int[0];
  byte[] decisionStage = new byte[0];
  byte[] decisionPositive = new byte[0];

  /** Agencies by id (in the order first seen), their type, and their rank in code order. */
  final List<String> agencyCodes = new ArrayList<>();

  private final Map<String, Integer> agencyIds = new HashMap<>();
  byte[] agencyType = new byte[0];
  int[] agencyRank = new int[0];
  List<String> agencySorted = List.of();

  /** Police forces: NOT_SPECIFIED, then every code in code order. */
  List<String> policeForces = List.of(Dimension.NOT_SPECIFIED);

  private Map<String, Integer> policeForceCodes = Map.of();

  StatisticsSnapshot(DataSource dataSource, Clock clock, NrmConfig config) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.zone = ZoneId.of(config.jurisdictionZone()).getId();
    if (!zone.matches("[A-Za-z0-9/_+-]+")) {
      throw new IllegalStateException("unexpected zone id " + zone);
    }
    this.sql = new SnapshotSql(zone);
    this.issuedDecisions = new IssuedDecisions(ZoneId.of(zone));
    this.caseEvents = new CaseEvents(sql);
  }

  /** Loads the snapshot in the background at start, so the first analyst does not wait. */
  void warmUp(@Observes StartupEvent event) {
    Thread loader =
        new Thread(
            () -> {
              try {
                refresh();
              } catch (RuntimeException e) {
                LOG.warn("statistics snapshot not loaded at start; the first request loads it", e);
              }
            },
            "statistics-snapshot");
    loader.setDaemon(true);
    loader.start();
  }

  /**
   * Brings the snapshot up to the head of the audit trail, then reads it. When the database cannot
   * be reached but a snapshot was loaded, the reader gets that snapshot: its {@code asOf} says how
   * old it is.
   */
  <T> T read(Function<StatisticsSnapshot, T> reader) {
    try {
      refresh();
    } catch (RuntimeException e) {
      if (!isLoaded()) {
        throw e;
      }
      LOG.warnf("statistics served as of %s: the snapshot could not be refreshed (%s)", asOf, e);
    }
    lock.readLock().lock();
    try {
      return reader.apply(this);
    } finally {
      lock.readLock().unlock();
    }
  }

  Instant asOf() {
    return asOf;
  }

  private boolean isLoaded() {
    lock.readLock().lock();
    try {
      return loaded;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The month index of a year and month: months since January 2000. */
  static int monthIndex(int year, int month) {
    return (year - 2000) * 12 + month - 1;
  }

  private void refresh() {
    synchronized (refreshing) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(true);
        Instant now = clock.instant();
        long head = AuditQueries.headSeq(c);
        if (!loaded) {
          loadAll(c, head);
        } else if (head > cursor) {
          catchUp(c, head);
        }
        lock.writeLock().lock();
        try {
          cursor = head;
          asOf = now;
          loaded = true;
        } finally {
          lock.writeLock().unlock();
        }
      } catch (SQLException e) {
        throw new IllegalStateException("statistics snapshot could not be refreshed", e);
      }
    }
  }

  private void loadAll(Connection c, long head) throws SQLException {
    long started = System.nanoTime();
    decisions = 0; // a load cut off by an error starts again from nothing
    caseEvents.clear();
    loadPoliceForces(c);
    loadAgencies(c);
    // Each referral's slot by id, while loading only: decisions name their referral by id.
    ObjectIntHashMap<UUID> slotOf = new ObjectIntHashMap<>();
    c.setAutoCommit(false);
    try (PreparedStatement s = c.prepareStatement(sql.referralSql("") + " ORDER BY r.stats_slot")) {
      s.setFetchSize(BATCH);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          slotOf.put(rs.getObject(17, UUID.class), putReferral(rs));
        }
      }
      issuedDecisions.forEach(c, 0, head, d -> putDecision(slot(slotOf, d), d));
      caseEvents.load(c, null, slotOf);
      c.commit();
    } finally {
      c.setAutoCommit(true);
    }
    LOG.infof(
        "statistics snapshot loaded: %d referral slots, %d decisions, in %d ms",
        slots, decisions, (System.nanoTime() - started) / 1_000_000);
  }

  /** Applies the events after the cursor: referrals to reload, decisions to add, agencies. */
  private void catchUp(Connection c, long head) throws SQLException {
    Set<UUID> touched = new LinkedHashSet<>();
    Set<UUID> afterDecisions = new LinkedHashSet<>();
    boolean[] agencies = {false};
    AuditQueries.after(
        c,
        cursor,
        head,
        FOLLOWED,
        null,
        e -> {
          if (e.action() == Action.AGENCY_REGISTERED || e.action() == Action.AGENCY_REVISED) {
            agencies[0] = true;
          } else {
            touched.add(e.referralId());
            if (e.action() == Action.RECONSIDERATION_DECIDED || e.action() == Action.DISQUALIFIED) {
              afterDecisions.add(e.referralId());
            }
          }
        });
    List<IssuedDecisions.Issued> issued = new ArrayList<>();
    issuedDecisions.forEach(c, cursor, head, issued::add);
    ObjectIntHashMap<UUID> slotOf = new ObjectIntHashMap<>();
    lock.writeLock().lock();
    try {
      if (agencies[0]) {
        loadAgencies(c);
      }
      List<UUID> ids = new ArrayList<>(touched);
      for (int from = 0; from < ids.size(); from += BATCH) {
        List<UUID> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
        try (PreparedStatement s = c.prepareStatement(sql.referralSql("WHERE r.id = ANY (?)"))) {
          s.setArray(1, c.createArrayOf("uuid", batch.toArray()));
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              slotOf.put(rs.getObject(17, UUID.class), putReferral(rs));
            }
          }
        }
      }
      // Reconsiderations and disqualifications are counted once each by id, so a retried
      // catch-up never counts one twice.
      caseEvents.load(c, afterDecisions, slotOf);
      // Decisions are added last, once every query has succeeded: a failed catch-up leaves the
      // cursor where it was, and reloading a referral twice is harmless, counting a decision
      // twice is not. A decision's referral was reloaded: its status changed.
      for (IssuedDecisions.Issued d : issued) {
        putDecision(slot(slotOf, d), d);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static int slot(ObjectIntHashMap<UUID> slotOf, IssuedDecisions.Issued d) {
    int slot = slotOf.getOrDefault(d.referralId(), -1);
    if (slot < 0) {
      throw new IllegalStateException("a decision's referral was not loaded");
    }
    return slot;
  }

  /** Loads a referral's coded columns into its slot; returns the slot. */
  private int putReferral(ResultSet rs) throws SQLException {
    int slot = rs.getInt(1);
    ensureSlots(slot + 1);
    month[slot] = (short) rs.getInt(2);
    day[slot] = rs.getInt(3);
    rgDay[slot] = rs.getInt(4);
    nationality[slot] = (short) orNotSpecified(COUNTRY_CODES, rs.getString(5));
    countryOfOrigin[slot] = (short) orNotSpecified(COUNTRY_CODES, rs.getString(6));
    gender[slot] = code(GENDERS, rs.getString(7));
    age[slot] = code(AGES, rs.getString(8));
    int set = 0;
    Array array = rs.getArray(9);
    for (Object t : (Object[]) array.getArray()) {
      set |= 1 << TYPE_CODES.get((String) t);
    }
    types[slot] = (byte) set;
    profile[slot] =
        (byte) (Integer.bitCount(set) == 1 ? Integer.numberOfTrailingZeros(set) : TYPES.size());
    countyLines[slot] = (byte) (rs.getBoolean(10) ? 1 : 0);
    location[slot] = code(LOCATIONS, rs.getString(11));
    agency[slot] = (short) agencyId(rs.getString(12));
    jurisdiction[slot] = code(JURISDICTIONS, rs.getString(13));
    policeForce[slot] = (byte) orNotSpecified(policeForceCodes, rs.getString(14));
    kind[slot] = code(KINDS, rs.getString(15));
    status[slot] = code(STATUSES, rs.getString(16));
    ictgMonth[slot] = (short) rs.getInt(18);
    return slot;
  }

  private void putDecision(int slot, IssuedDecisions.Issued d) {
    putDecision(slot, d.to(), d.month(), d.day());
  }

  private void putDecision(int slot, String to, int month, int day) {
    if (decisions == decisionSlot.length) {
      int grown = Math.max(1024, decisions * 2);
      decisionSlot = Arrays.copyOf(decisionSlot, grown);
      decisionMonth = Arrays.copyOf(decisionMonth, grown);
      decisionDay = Arrays.copyOf(decisionDay, grown);
      decisionStage = Arrays.copyOf(decisionStage, grown);
      decisionPositive = Arrays.copyOf(decisionPositive, grown);
    }
    decisionSlot[decisions] = slot;
    decisionStage[decisions] = (byte) (to.startsWith("RG") ? RG : CG);
    decisionPositive[decisions] = (byte) (to.endsWith("POSITIVE") ? 1 : 0);
    decisionMonth[decisions] = (short) month;
    decisionDay[decisions] = day;
    decisions++;
  }

  private void ensureSlots(int needed) {
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
    }
    slots = needed;
  }

  private void loadPoliceForces(Connection c) throws SQLException {
    List<String> forces = new ArrayList<>(List.of(Dimension.NOT_SPECIFIED));
    try (PreparedStatement s = c.prepareStatement("SELECT code FROM police_force ORDER BY code");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        forces.add(rs.getString(1));
      }
    }
    if (forces.size() > Byte.MAX_VALUE) {
      throw new IllegalStateException("more police forces than the statistics columns hold");
    }
    policeForces = List.copyOf(forces);
    policeForceCodes = index(policeForces);
  }

  private void loadAgencies(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT code, type FROM agency ORDER BY code");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        int id = agencyId(rs.getString(1));
        agencyType[id] = code(AGENCY_TYPES, rs.getString(2));
      }
    }
  }

  /** An agency's id, registering a code not seen before (its type is read with the agencies). */
  private int agencyId(String code) {
    Integer id = agencyIds.get(code);
    if (id != null) {
      return id;
    }
    if (agencyCodes.size() == Short.MAX_VALUE) {
      throw new IllegalStateException("more agencies than the statistics columns hold");
    }
    id = agencyCodes.size();
    agencyCodes.add(code);
    agencyIds.put(code, id);
    agencyType = Arrays.copyOf(agencyType, agencyCodes.size());
    List<String> sorted = new ArrayList<>(agencyCodes);
    sorted.sort(null);
    agencySorted = List.copyOf(sorted);
    Map<String, Integer> rank = index(agencySorted);
    agencyRank = new int[agencyCodes.size()];
    for (int i = 0; i < agencyRank.length; i++) {
      agencyRank[i] = rank.get(agencyCodes.get(i));
    }
    return id;
  }
}
