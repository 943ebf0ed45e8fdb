package org.nrmreferrals.statistics;

import static org.nrmreferrals.statistics.SnapshotCodes.AGENCY_TYPES;
import static org.nrmreferrals.statistics.SnapshotCodes.AGES;
import static org.nrmreferrals.statistics.SnapshotCodes.AGE_GROUP_CODES;
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
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditQueries;

/**
 * The current coded facts ({@link CodedFacts}), held in memory so that a release is cut from them
 * in a moment rather than by reading every referral again.
 *
 * <p>They are loaded once, then kept in step by the audit trail: before a release is cut, the
 * snapshot reads the head of the chain and reloads the referrals that events after its cursor
 * touched. The chain commits in order, so nothing is missed and {@code asOf} is the moment the head
 * was read.
 *
 * <p>A referral's slot is its {@code stats_slot} identity column; a map from id to slot lives only
 * while a load or catch-up runs, for the decisions, which name their referral by id. Decisions
 * issued are the audit trail's status changes to a decision ({@link IssuedDecisions}).
 */
@ApplicationScoped
public class StatisticsSnapshot {
  private static final Logger LOG = Logger.getLogger(StatisticsSnapshot.class);
  private static final int BATCH = 5_000;

  /** The events after which the snapshot reloads a referral, or the agencies. */
  private static final Set<Action> FOLLOWED =
      EnumSet.of(
          Action.REFERRAL_SUBMITTED,
          Action.STATUS_CHANGED,
          Action.RECONSIDERATION_DECIDED,
          Action.DISQUALIFIED,
          Action.CASE_TRANSFERRED,
          Action.AGE_ASSESSED,
          Action.AGENCY_REGISTERED,
          Action.AGENCY_REVISED,
          Action.AUTHORITY_REGISTERED);

  private final DataSource dataSource;
  private final Clock clock;
  private final SnapshotSql sql;
  private final IssuedDecisions issuedDecisions;
  private final CaseEventReader caseEventReader;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Object refreshing = new Object();

  // Written under the write lock and read under the read lock.
  private boolean loaded;
  private long cursor;
  private final CodedFacts live = new CodedFacts();

  private Map<String, Integer> policeForceCodes = Map.of();
  private RecordKeys keys;

  StatisticsSnapshot(DataSource dataSource, Clock clock, NrmConfig config) {
    this.dataSource = dataSource;
    this.clock = clock;
    String zone = ZoneId.of(config.jurisdictionZone()).getId();
    if (!zone.matches("[A-Za-z0-9/_+-]+")) {
      throw new IllegalStateException("unexpected zone id " + zone);
    }
    this.sql = new SnapshotSql(zone);
    this.issuedDecisions = new IssuedDecisions(ZoneId.of(zone));
    this.caseEventReader = new CaseEventReader(sql);
  }

  /** Loads the snapshot in the background at start, so the first release does not wait. */
  void warmUp(@Observes StartupEvent event) {
    Thread loader =
        new Thread(
            () -> {
              try {
                refresh();
              } catch (RuntimeException e) {
                LOG.warn("statistics snapshot not loaded at start; the first release loads it", e);
              }
            },
            "statistics-snapshot");
    loader.setDaemon(true);
    loader.start();
  }

  /**
   * Brings the facts up to the head of the audit trail and writes them (see {@link
   * CodedFacts#write}): a release's frozen copy, as of the moment the head was read.
   */
  Instant writeCurrent(OutputStream out) {
    refresh();
    lock.readLock().lock();
    try {
      DataOutputStream data = new DataOutputStream(out);
      live.write(data);
      data.flush();
      return live.asOf;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
          live.asOf = now;
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
    // A load cut off by an error starts again from nothing. Nothing reads the facts meanwhile:
    // a reader refreshes first, and the refresh waits for this one.
    live.clearDecisions();
    caseEventReader.clear(live.caseEvents);
    keys = RecordKeys.of(c);
    loadPoliceForces(c);
    loadAgencies(c);
    loadAuthorities(c);
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
      caseEventReader.load(c, null, slotOf, keys, live.caseEvents);
      c.commit();
    } finally {
      c.setAutoCommit(true);
    }
    LOG.infof(
        "statistics snapshot loaded: %d referral slots, %d decisions, in %d ms",
        live.slots, live.decisions, (System.nanoTime() - started) / 1_000_000);
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
          if (e.action() == Action.AGENCY_REGISTERED
              || e.action() == Action.AGENCY_REVISED
              || e.action() == Action.AUTHORITY_REGISTERED) {
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
        loadAuthorities(c);
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
      caseEventReader.load(c, afterDecisions, slotOf, keys, live.caseEvents);
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
    CodedFacts f = live;
    int slot = rs.getInt(1);
    f.ensureSlots(slot + 1);
    f.month[slot] = (short) rs.getInt(2);
    f.day[slot] = rs.getInt(3);
    f.rgDay[slot] = rs.getInt(4);
    f.nationality[slot] = (short) orNotSpecified(COUNTRY_CODES, rs.getString(5));
    f.countryOfOrigin[slot] = (short) orNotSpecified(COUNTRY_CODES, rs.getString(6));
    f.gender[slot] = code(GENDERS, rs.getString(7));
    f.age[slot] = code(AGES, rs.getString(8));
    int set = 0;
    Array array = rs.getArray(9);
    for (Object t : (Object[]) array.getArray()) {
      set |= 1 << TYPE_CODES.get((String) t);
    }
    f.types[slot] = (byte) set;
    f.profile[slot] =
        (byte) (Integer.bitCount(set) == 1 ? Integer.numberOfTrailingZeros(set) : TYPES.size());
    f.countyLines[slot] = (byte) (rs.getBoolean(10) ? 1 : 0);
    f.location[slot] = code(LOCATIONS, rs.getString(11));
    f.agency[slot] = (short) f.agencyId(rs.getString(12));
    f.jurisdiction[slot] = code(JURISDICTIONS, rs.getString(13));
    f.policeForce[slot] = (byte) orNotSpecified(policeForceCodes, rs.getString(14));
    f.kind[slot] = code(KINDS, rs.getString(15));
    f.status[slot] = code(STATUSES, rs.getString(16));
    f.ictgMonth[slot] = (short) rs.getInt(18);
    f.key[slot] = keys.referral(rs.getObject(17, UUID.class));
    f.authority[slot] = (byte) f.authorities.id(rs.getString(19));
    f.ageGroup[slot] = (byte) orNotSpecified(AGE_GROUP_CODES, rs.getString(20));
    f.nationalitySet[slot] =
        (short) f.nationalitySets.id(SnapshotCodes.nationalitySet(rs.getString(21)));
    return slot;
  }

  private void putDecision(int slot, IssuedDecisions.Issued d) {
    live.putDecision(slot, d.to(), d.month(), d.day(), keys.decision(d.seq()));
  }

  private void loadPoliceForces(Connection c) throws SQLException {
    List<String> forces = new ArrayList<>(List.of(Dimension.NOT_SPECIFIED));
    List<String> nations = new ArrayList<>(List.of(Dimension.NOT_SPECIFIED));
    try (PreparedStatement s =
            c.prepareStatement("SELECT code, nation FROM police_force ORDER BY code");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        forces.add(rs.getString(1));
        nations.add(rs.getString(2));
      }
    }
    if (forces.size() > Byte.MAX_VALUE) {
      throw new IllegalStateException("more police forces than the statistics columns hold");
    }
    live.policeForces = List.copyOf(forces);
    live.policeForceNations = List.copyOf(nations);
    policeForceCodes = index(live.policeForces);
  }

  /** Registers every competent authority, so that one without cases is a value too. */
  private void loadAuthorities(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement("SELECT code FROM competent_authority ORDER BY code");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        live.authorities.id(rs.getString(1));
      }
    }
  }

  private void loadAgencies(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT code, type FROM agency ORDER BY code");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        int id = live.agencyId(rs.getString(1));
        live.agencyType[id] = code(AGENCY_TYPES, rs.getString(2));
      }
    }
  }
}
