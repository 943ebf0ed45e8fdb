package org.nrmreferrals.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.nrmreferrals.Jdbc;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditEvent;
import org.nrmreferrals.audit.AuditTrail;
import org.nrmreferrals.audit.ReadEvents;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.web.ETags;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.workflow.LegalDays;

/** Reads referrals, showing each caller only what it may see. */
@ApplicationScoped
public class ReferralQueries {
  private static final String AWAITING_CG =
      "(r.status = 'RG_POSITIVE' or (r.status = 'RECONSIDERATION_REQUESTED'"
          + " and r.reconsidering = 'CONCLUSIVE_GROUNDS'))";
  private static final String OVERDUE =
      "(r.status = 'SUBMITTED' and r.rg_decision_target_date < :today)";

  /** {@link Referral#consentNeeded()} in SQL. */
  public static final String CONSENT_NEEDED =
      "(r.kind = 'NRM' and r.status not in ('CG_POSITIVE', 'WITHDRAWN')"
          + " and r.consent_referral is not true and"
          + " coalesce(r.assessed_age_group, case when r.age_disputed then"
          + " 'UNKNOWN_POSSIBLY_CHILD' else r.age_group_at_referral end) = 'ADULT')";

  private final EntityManager em;
  private final LegalDays days;
  private final AuditTrail audit;
  private final ReadEvents readEvents;

  private final PersonalDataStore personalData;
  private final LikelyDuplicates duplicates;
  private final ReconsiderationRequests reconsiderations;
  private final Disqualifications disqualifications;

  ReferralQueries(
      EntityManager em,
      LegalDays days,
      AuditTrail audit,
      ReadEvents readEvents,
      PersonalDataStore personalData,
      LikelyDuplicates duplicates,
      ReconsiderationRequests reconsiderations,
      Disqualifications disqualifications) {
    this.disqualifications = disqualifications;
    this.reconsiderations = reconsiderations;
    this.personalData = personalData;
    this.duplicates = duplicates;
    this.em = em;
    this.days = days;
    this.audit = audit;
    this.readEvents = readEvents;
  }

  /** A referral the caller may see; 404 for one that does not exist or belongs elsewhere. */
  public Referral visible(Caller caller, UUID id) {
    // With its agency in the same statement: every view names the agency (one round trip, and
    // Hibernate's separate load of it, fewer per read: 4.6% of an audited GET's CPU in a profile).
    // A list, not a stream: Hibernate streams through a scrollable result, a fifth of this
    // method's CPU for one row.
    List<Referral> found =
        em.createQuery(
                "select r from Referral r join fetch r.agency where r.id = :id", Referral.class)
            .setParameter("id", id)
            .getResultList();
    Referral referral = found.isEmpty() ? null : found.get(0);
    if (referral == null || !maySee(caller, referral)) {
      throw ProblemException.notFound("No referral " + id + " is visible to you.");
    }
    return referral;
  }

  /**
   * Reads a referral for the caller, with the event that records the read (for {@link
   * org.nrmreferrals.audit.ReadEvents}, before the view is shown); no view and no event when the
   * caller's copy, named by If-None-Match, is current.
   */
  @Transactional
  Read read(Caller caller, UUID id, String ifNoneMatch) {
    // Nothing is changed here: Hibernate keeps no copy of what it loads to compare at commit (a
    // dirty check of the referral and its arrays was 4% of an audited read's CPU in a profile).
    em.unwrap(Session.class).setDefaultReadOnly(true);
    Referral referral = visible(caller, id);
    if (ETags.matches(ifNoneMatch, referral.version())) {
      return new Read(referral.version(), null, null);
    }
    // Made here, as of the read: a change committed after this transaction is later in the trail.
    ReadEvents.Prepared event =
        readEvents.prepare(
            AuditEvent.of(Action.REFERRAL_READ)
                .referral(referral.id(), referral.agency().code())
                .detail("personalData", true));
    return new Read(referral.version(), view(caller, referral), event);
  }

  /** The full view as this caller may see it. */
  public ReferralView view(Caller caller, Referral referral) {
    Held held = held(referral.id());
    return ReferralView.of(
        referral,
        personalData.find(referral.id()),
        days,
        caller.seesAllAgencies(),
        caller.seesAllAgencies() ? duplicates.of(referral.id()) : null,
        held.reconsiderations() ? reconsiderations.of(referral.id()) : List.of(),
        held.disqualification()
            ? disqualifications.shown(referral.id(), caller.seesAllAgencies())
            : null);
  }

  /**
   * Whether the referral has reconsideration requests and a disqualification, in one round trip:
   * most have neither, and their two queries were a sixth of an audited read's CPU.
   */
  private Held held(UUID id) {
    em.flush(); // a request or disqualification stored earlier in this transaction counts
    return Jdbc.first(
        em,
        HELD,
        s -> {
          s.setObject(1, id);
          s.setObject(2, id);
        },
        rs -> new Held(rs.getBoolean(1), rs.getBoolean(2)));
  }

  private static final String HELD =
      "select " + ReconsiderationRequests.ANY + ", " + Disqualifications.ANY_SHOWN;

  private record Held(boolean reconsiderations, boolean disqualification) {}

  /** One page in newest-first order, strictly after the cursor; the ids returned are recorded. */
  @Transactional
  ReferralPage list(Caller caller, ReferralFilter filter, Cursor after, int limit) {
    Map<String, Object> params = new HashMap<>();
    String sql =
        "select r.* from referral r where true"
            + conditions(caller, filter, after, params, days.today())
            + " order by r.submitted_at desc, r.id desc limit :limit";
    params.put("limit", limit + 1);
    Query query = em.createNativeQuery(sql, Referral.class);
    params.forEach(query::setParameter);
    @SuppressWarnings("unchecked")
    List<Referral> rows = new ArrayList<>(query.getResultList());
    String next = null;
    if (rows.size() > limit) {
      rows = rows.subList(0, limit);
      next = Cursor.after(rows.get(limit - 1)).encode();
    }
    if (!rows.isEmpty()) {
      audit.append(
          AuditEvent.of(Action.REFERRALS_LISTED)
              .agency(caller.agencyScope())
              .detail("referralIds", rows.stream().map(r -> r.id().toString()).toList()));
    }
    boolean internal = caller.seesAllAgencies();
    return new ReferralPage(summaries(rows, internal), next);
  }

  /** A page's summaries as of today, with the agencies' own references opened in one read. */
  public List<ReferralSummary> summaries(List<Referral> rows, boolean internal) {
    Map<UUID, String> references =
        personalData.externalReferences(rows.stream().map(Referral::id).toList());
    return rows.stream()
        .map(r -> ReferralSummary.of(r, references.get(r.id()), days, internal))
        .toList();
  }

  /**
   * The WHERE conditions for a filter, with their parameters; array filters use the GIN indexes.
   */
  private static String conditions(
      Caller caller,
      ReferralFilter filter,
      Cursor after,
      Map<String, Object> params,
      LocalDate today) {
    StringBuilder sql = new StringBuilder();
    if (caller.isCaseworker() && !caller.isAdmin()) {
      // A token without an authority matches nothing (the gate refuses it before this).
      sql.append(" and r.competent_authority = :own");
      params.put("own", caller.ownAgency());
    } else if (!caller.isAdmin()) {
      // A partner, or a token without an agency: then this matches nothing.
      sql.append(" and r.agency_code = :agency");
      params.put("agency", caller.ownAgency());
    }
    where(sql, params, "r.competent_authority = :ca", "ca", filter.competentAuthority());
    where(sql, params, "r.status = :status", "status", name(filter.status()));
    where(sql, params, "r.kind = :kind", "kind", name(filter.kind()));
    where(sql, params, "r.submitted_at >= :from", "from", filter.submittedFrom());
    where(sql, params, "r.submitted_at < :before", "before", filter.submittedBefore());
    where(sql, params, "r.nationalities @> array[cast(:nat as text)]", "nat", filter.nationality());
    where(sql, params, "r.country_of_origin = :origin", "origin", filter.countryOfOrigin());
    String type = name(filter.exploitationType());
    where(sql, params, "r.exploitation_types @> array[cast(:type as text)]", "type", type);
    where(sql, params, "r.age_at_exploitation = :age", "age", name(filter.ageAtExploitation()));
    if (filter.assignee() != null && !caller.seesAllAgencies()) {
      throw ProblemException.malformed("assignee", "is a filter for caseworkers and admins");
    }
    where(sql, params, "r.assignee = :assignee", "assignee", filter.assignee());
    if (filter.consentNeeded() != null) {
      sql.append(filter.consentNeeded() ? " and " : " and not ").append(CONSENT_NEEDED);
    }
    if (filter.awaitingCg() != null) {
      sql.append(filter.awaitingCg() ? " and " : " and not ").append(AWAITING_CG);
    }
    if (filter.overdue() != null) {
      sql.append(filter.overdue() ? " and " : " and not ").append(OVERDUE);
      params.put("today", today);
    }
    if (after != null) {
      sql.append(" and (r.submitted_at, r.id) < (:afterAt, :afterId)");
      params.put("afterAt", after.submittedAt());
      params.put("afterId", after.id());
    }
    return sql.toString();
  }

  /** The referral's version, and its view unless the caller's copy is current. */
  record Read(long version, ReferralView view, ReadEvents.Prepared event) {}

  /**
   * Admins see every referral; a caseworker those of the competent authority the token names; a
   * partner only its own agency's.
   */
  private static boolean maySee(Caller caller, Referral referral) {
    if (caller.isAdmin()) {
      return true;
    }
    if (caller.isCaseworker()) {
      return referral.competentAuthority().equals(caller.agencyCode());
    }
    return caller.isPartner() && referral.agency().code().equals(caller.agencyCode());
  }

  private static void where(
      StringBuilder sql, Map<String, Object> params, String clause, String name, Object value) {
    if (value != null) {
      sql.append(" and ").append(clause);
      params.put(name, value);
    }
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
