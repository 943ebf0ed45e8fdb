package org.nrmreferrals.referral.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.NrmConfig.RetentionMode;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditEvent;
import org.nrmreferrals.audit.AuditTrail;
import org.nrmreferrals.protection.DataKeys;
import org.nrmreferrals.referral.PersonalDataStore;
import org.nrmreferrals.referral.Referral;
import org.nrmreferrals.referral.casework.ReferralWorkflow;
import org.nrmreferrals.workflow.ReferralStatus;

/**
 * Personal data past its retention period: a referral in a final status for longer than that
 * status's period (from {@code nrm.retention.*}) is due. Admins list what is due and erase it; a
 * daily job lists it, or erases it when {@code nrm.retention.mode=erase}. A legal hold keeps a
 * referral out. Erasure is the same crypto-shredding as an admin's, audited per referral; batches
 * lock their rows and skip others' locks, so several instances can run the job at once.
 */
@Startup
@ApplicationScoped
public class Retention {
  private static final Logger LOG = Logger.getLogger(Retention.class);
  private static final int BATCH = 100;

  private final Map<ReferralStatus, Period> periods;
  private final RetentionMode mode;
  private final ZoneId zone;
  private final EntityManager em;
  private final Clock clock;
  private final ReferralWorkflow workflow;
  private final AuditTrail audit;

  Retention(
      NrmConfig config,
      EntityManager em,
      Clock clock,
      ReferralWorkflow workflow,
      AuditTrail audit) {
    this.periods = periods(config.retention());
    this.mode = config.retention().mode();
    this.zone = ZoneId.of(config.jurisdictionZone());
    this.em = em;
    this.clock = clock;
    this.workflow = workflow;
    this.audit = audit;
  }

  /**
   * The periods per final status, from configuration; a status with {@code never} is left out. A
   * value that is not a positive ISO-8601 period stops the service from starting.
   */
  static Map<ReferralStatus, Period> periods(NrmConfig.Retention config) {
    Map<ReferralStatus, String> raw = new LinkedHashMap<>();
    raw.put(ReferralStatus.WITHDRAWN, config.withdrawn());
    raw.put(ReferralStatus.RG_NEGATIVE, config.rgNegative());
    raw.put(ReferralStatus.CG_NEGATIVE, config.cgNegative());
    raw.put(ReferralStatus.CG_POSITIVE, config.cgPositive());
    raw.put(ReferralStatus.NOTIFIED, config.notified());
    Map<ReferralStatus, Period> out = new EnumMap<>(ReferralStatus.class);
    for (Map.Entry<ReferralStatus, String> e : raw.entrySet()) {
      String value = e.getValue().strip();
      if (value.equalsIgnoreCase("never")) {
        continue;
      }
      String property = "nrm.retention." + e.getKey().name().toLowerCase().replace('_', '-');
      Period period;
      try {
        period = Period.parse(value);
      } catch (DateTimeParseException ex) {
        throw new IllegalStateException(
            property + " must be an ISO-8601 period such as P6Y, or never; it is " + value);
      }
      if (period.isNegative() || period.isZero()) {
        throw new IllegalStateException(property + " must be a positive period; it is " + value);
      }
      out.put(e.getKey(), period);
    }
    return out;
  }

  /** What is due now: counts, and the first {@code limit} referrals, longest overdue first. */
  public RetentionReport report(int limit) {
    Instant now = now();
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Map<String, Object> params = new HashMap<>();
              String due = dueCondition(now, params);
              Query count =
                  em.createNativeQuery(
                      "select count(*) filter (where not r.legal_hold),"
                          + " count(*) filter (where r.legal_hold) from referral r where "
                          + due);
              params.forEach(count::setParameter);
              Object[] counts = (Object[]) count.getSingleResult();
              List<RetentionReport.Due> referrals = new ArrayList<>();
              for (Referral r : due(now, limit, false)) {
                Period period = periods.get(r.status());
                referrals.add(
                    new RetentionReport.Due(
                        r.id(),
                        r.reference(),
                        r.status(),
                        r.statusSince(),
                        r.statusSince().atZone(zone).plus(period).toLocalDate()));
              }
              return new RetentionReport(
                  now,
                  mode,
                  policy(),
                  ((Number) counts[0]).longValue(),
                  ((Number) counts[1]).longValue(),
                  referrals);
            });
  }

  /**
   * Erases every referral that is due, batch by batch, each batch in its own transaction; audits
   * each erasure and then the run. {@code trigger} says who started it (scheduled or admin).
   */
  public RetentionRun eraseDue(String trigger) {
    Instant now = now();
    long erased = 0;
    for (int n = BATCH; n == BATCH; ) {
      n =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    List<Referral> batch = due(now, BATCH, true);
                    for (Referral r : batch) {
                      workflow.eraseAfterRetention(r, periods.get(r.status()));
                    }
                    return batch.size();
                  });
      erased += n;
    }
    long total = erased;
    RetentionReport after = report(0);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                audit.append(
                    AuditEvent.of(Action.RETENTION_APPLIED)
                        .detail("trigger", trigger)
                        .detail("erased", total)
                        .detail("onLegalHold", after.onLegalHold())));
    return new RetentionRun(now, total, after.due(), after.onLegalHold());
  }

  @Scheduled(
      identity = "retention",
      cron = "${nrm.retention.cron}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    if (periods.isEmpty()) {
      return;
    }
    if (mode == RetentionMode.ERASE) {
      RetentionRun run = eraseDue("scheduled");
      LOG.infof(
          "Retention: erased the personal data of %d referrals; %d are past their period but on"
              + " legal hold",
          run.erased(), run.onLegalHold());
    } else {
      RetentionReport report = report(0);
      if (report.due() > 0 || report.onLegalHold() > 0) {
        LOG.infof(
            "Retention: %d referrals are past their retention period (%d more on legal hold);"
                + " GET /api/v1/admin/retention lists them, nrm.retention.mode=erase erases them",
            report.due(), report.onLegalHold());
      }
    }
  }

  /** Each final status with its period, or "never". */
  Map<ReferralStatus, String> policy() {
    Map<ReferralStatus, String> out = new LinkedHashMap<>();
    for (ReferralStatus s :
        List.of(
            ReferralStatus.WITHDRAWN,
            ReferralStatus.RG_NEGATIVE,
            ReferralStatus.CG_NEGATIVE,
            ReferralStatus.CG_POSITIVE,
            ReferralStatus.NOTIFIED)) {
      Period p = periods.get(s);
      out.put(s, p == null ? "never" : p.toString());
    }
    return out;
  }

  /** Due referrals not on legal hold, longest overdue first; locked (others' skipped) if asked. */
  private List<Referral> due(Instant now, int limit, boolean lock) {
    if (limit == 0) {
      return List.of();
    }
    Map<String, Object> params = new HashMap<>();
    String sql =
        "select r.* from referral r where "
            + dueCondition(now, params)
            + " and not r.legal_hold order by r.status_since, r.id limit :limit"
            + (lock ? " for update of r skip locked" : "");
    params.put("limit", limit);
    Query query = em.createNativeQuery(sql, Referral.class);
    params.forEach(query::setParameter);
    @SuppressWarnings("unchecked")
    List<Referral> rows = query.getResultList();
    return rows;
  }

  /**
   * Referrals with personal data still held (a data key or a sealed row) whose status has lasted
   * longer than its period.
   */
  private String dueCondition(Instant now, Map<String, Object> params) {
    List<String> statuses = new ArrayList<>();
    int i = 0;
    for (Map.Entry<ReferralStatus, Period> e : periods.entrySet()) {
      statuses.add("(r.status = :s" + i + " and r.status_since < :c" + i + ")");
      params.put("s" + i, e.getKey().name());
      params.put("c" + i, now.atZone(zone).minus(e.getValue()).toInstant());
      i++;
    }
    if (statuses.isEmpty()) {
      return "false";
    }
    return "r.personal_data_erased_at is null and ("
        + String.join(" or ", statuses)
        + ") and ("
        + DataKeys.heldBy("r")
        + " or "
        + PersonalDataStore.heldBy("r")
        + ")";
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
