package org.nrmreferrals.statistics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditEvent;
import org.nrmreferrals.audit.AuditSequencer;
import org.nrmreferrals.audit.AuditTrail;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.ProblemType;

/**
 * Statistics releases (the one reader and writer of {@code statistics_release}): cut from the
 * current facts by an admin or the schedule, kept in the database, listed, and loaded into memory
 * when read (the newest few stay loaded).
 */
@ApplicationScoped
public class StatisticsReleases {
  private static final Logger LOG = Logger.getLogger(StatisticsReleases.class);
  static final String SCHEDULE = "schedule";
  private static final String COLUMNS =
      "SELECT id, as_of, through_month, cut_by, scheduled FROM statistics_release";

  private final DataSource dataSource;
  private final EntityManager em;
  private final AuditTrail audit;
  private final AuditSequencer sequencer;
  private final StatisticsSnapshot snapshot;
  private final ZoneId zone;
  private final int inMemory;
  private final Map<Long, Release> loaded = new ConcurrentHashMap<>();
  private final Object loading = new Object();

  StatisticsReleases(
      DataSource dataSource,
      EntityManager em,
      AuditTrail audit,
      AuditSequencer sequencer,
      StatisticsSnapshot snapshot,
      NrmConfig config) {
    this.sequencer = sequencer;
    this.dataSource = dataSource;
    this.em = em;
    this.audit = audit;
    this.snapshot = snapshot;
    this.zone = ZoneId.of(config.jurisdictionZone());
    this.inMemory = Math.max(1, config.statistics().releasesInMemory());
  }

  /**
   * Cuts a release of the facts as they are now, covering the whole months before this one; null
   * when the schedule's release of those months was cut already (by another instance).
   */
  Release cut(String by, boolean scheduled) {
    // Every event committed before the cut is in the release: what is waiting to be sequenced
    // (at most nrm.audit.max-delay of it) is sequenced first.
    try {
      sequencer.sequenceAll(true);
    } catch (SQLException e) {
      throw new IllegalStateException("sequencing the audit trail before a release failed", e);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    Instant asOf;
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, deflater, 1 << 16)) {
      asOf = snapshot.writeCurrent(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deflater.end();
    }
    YearMonth through = YearMonth.from(asOf.atZone(zone)).minusMonths(1);
    byte[] facts = bytes.toByteArray();
    Long id =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Long inserted =
                      em.unwrap(Session.class)
                          .doReturningWork(c -> insert(c, asOf, through, by, scheduled, facts));
                  if (inserted != null) {
                    audit.append(
                        AuditEvent.of(Action.STATISTICS_RELEASE_CUT)
                            .detail("release", inserted)
                            .detail("throughMonth", through.toString())
                            .detail("asOf", asOf.toString())
                            .detail("scheduled", scheduled));
                  }
                  return inserted;
                });
    if (id == null) {
      return null;
    }
    LOG.infof("statistics release %d cut (through %s, %d bytes)", id, through, facts.length);
    return new Release(id, asOf, through, scheduled ? SCHEDULE : "admin", scheduled, null);
  }

  private static Long insert(
      Connection c, Instant asOf, YearMonth through, String by, boolean scheduled, byte[] facts)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO statistics_release (as_of, through_month, cut_by, scheduled, facts,"
                + " facts_size) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (through_month) WHERE scheduled DO NOTHING RETURNING id")) {
      s.setObject(1, asOf.atOffset(ZoneOffset.UTC));
      s.setObject(2, through.atDay(1));
      s.setString(3, by);
      s.setBoolean(4, scheduled);
      s.setBytes(5, facts);
      s.setInt(6, facts.length);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  /**
   * Records a statistician's exact read of a release in the audit trail, before the figures are
   * computed: what was asked of which release.
   */
  void audit(Release release, String path, String query) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                audit.append(
                    AuditEvent.of(Action.STATISTICS_READ_EXACT)
                        .detail("release", release.id())
                        .detail("path", path)
                        .detail("query", query == null ? "" : query)));
  }

  @Scheduled(
      identity = "statistics-release",
      cron = "${nrm.statistics.release-schedule}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    Release cut = cut(SCHEDULE, true);
    if (cut == null) {
      LOG.info("statistics release: this month's was cut already");
    }
  }

  /** Every release, newest first, without its facts. */
  List<Release> list() {
    List<Release> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(COLUMNS + " ORDER BY as_of DESC, id DESC");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(release(rs));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("statistics releases could not be listed", e);
    }
    return out;
  }

  /**
   * A release with its facts loaded: the one named, or the newest when none is. One release loads
   * at a time, and the oldest are let go beyond the number kept, so an instance holds at most that
   * many and the one being read.
   */
  Release get(Long id) {
    long wanted = id != null ? id : latest();
    Release release = loaded.get(wanted);
    if (release != null) {
      return release;
    }
    synchronized (loading) {
      release = loaded.get(wanted);
      if (release == null) {
        release = load(wanted);
        loaded.put(wanted, release);
        List<Long> ids = new ArrayList<>(loaded.keySet());
        ids.sort(null);
        for (int i = 0; i < ids.size() - inMemory; i++) {
          if (ids.get(i) != wanted) {
            loaded.remove(ids.get(i));
          }
        }
      }
      return release;
    }
  }

  private long latest() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id FROM statistics_release ORDER BY as_of DESC, id DESC LIMIT 1");
        ResultSet rs = s.executeQuery()) {
      long id = rs.next() ? rs.getLong(1) : 0;
      if (id == 0) {
        throw new ProblemException(
            ProblemType.NOT_FOUND,
            "No statistics release has been cut yet: an admin cuts one with POST"
                + " /api/v1/statistics/releases, and the schedule cuts one each month.");
      }
      return id;
    } catch (SQLException e) {
      throw new IllegalStateException("the latest statistics release could not be read", e);
    }
  }

  private Release load(long id) {
    long started = System.nanoTime();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, as_of, through_month, cut_by, scheduled, facts FROM statistics_release"
                    + " WHERE id = ?")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new ProblemException(ProblemType.NOT_FOUND, "No statistics release " + id + ".");
        }
        CodedFacts facts;
        Inflater inflater = new Inflater();
        try (DataInputStream in =
            new DataInputStream(
                new InflaterInputStream(rs.getBinaryStream(6), inflater, 1 << 16))) {
          facts = CodedFacts.read(in);
        } catch (IOException e) {
          // Bytes that do not inflate, or another format: the release cannot be read here.
          throw new ProblemException(
              ProblemType.CONFLICT,
              "Release "
                  + id
                  + " was cut by another version of the service and cannot be read by this one ("
                  + e.getMessage()
                  + "); read a newer release, or ask an admin to cut one.");
        } finally {
          inflater.end();
        }
        LOG.infof(
            "statistics release %d loaded: %d referral slots in %d ms",
            id, facts.slots, (System.nanoTime() - started) / 1_000_000);
        return release(rs).withFacts(facts);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("statistics release " + id + " could not be read", e);
    }
  }

  private static Release release(ResultSet rs) throws SQLException {
    return new Release(
        rs.getLong(1),
        rs.getObject(2, OffsetDateTime.class).toInstant(),
        YearMonth.from(rs.getObject(3, LocalDate.class)),
        rs.getBoolean(5) ? SCHEDULE : "admin",
        rs.getBoolean(5),
        null);
  }
}
