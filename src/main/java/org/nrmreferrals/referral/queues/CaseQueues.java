package org.nrmreferrals.referral.queues;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditEvent;
import org.nrmreferrals.audit.AuditTrail;
import org.nrmreferrals.referral.Cursor;
import org.nrmreferrals.referral.Referral;
import org.nrmreferrals.referral.ReferralPage;
import org.nrmreferrals.referral.ReferralQueries;
import org.nrmreferrals.workflow.LegalDays;

/** Reads one competent authority's queues: their counts, and a queue a page at a time. */
@ApplicationScoped
class CaseQueues {
  private static final String SCOPE = " from referral r where r.competent_authority = :authority";

  private final EntityManager em;
  private final LegalDays days;
  private final AuditTrail audit;
  private final ReferralQueries queries;

  CaseQueues(EntityManager em, LegalDays days, AuditTrail audit, ReferralQueries queries) {
    this.em = em;
    this.days = days;
    this.audit = audit;
    this.queries = queries;
  }

  /** How many cases each queue holds now, in the order of {@link Queue}. */
  Map<Queue, Long> counts(String authority, String me) {
    StringBuilder sql = new StringBuilder("select ");
    for (Queue q : Queue.values()) {
      sql.append(q.ordinal() == 0 ? "" : ", ")
          .append("count(*) filter (where ")
          .append(q.condition())
          .append(") as ")
          .append(q.name().toLowerCase());
    }
    Query query = em.createNativeQuery(sql + SCOPE, Tuple.class);
    query.setParameter("authority", authority);
    query.setParameter("me", me);
    query.setParameter("today", days.today());
    Tuple row = (Tuple) query.getSingleResult();
    Map<Queue, Long> counts = new LinkedHashMap<>();
    for (Queue q : Queue.values()) {
      counts.put(q, ((Number) row.get(q.name().toLowerCase())).longValue());
    }
    return counts;
  }

  /** One page of a queue, oldest first, strictly after the cursor; the ids listed are recorded. */
  @Transactional
  ReferralPage page(String authority, String me, Queue queue, Cursor after, int limit) {
    String key = queue.orderedBy();
    String sql =
        "select r.*"
            + SCOPE
            + " and "
            + queue.condition()
            + (after == null ? "" : " and (" + key + ", r.id) > (:afterAt, :afterId)")
            + " order by "
            + key
            + ", r.id limit :limit";
    Query query = em.createNativeQuery(sql, Referral.class);
    query.setParameter("authority", authority);
    if (sql.contains(":me")) {
      query.setParameter("me", me);
    }
    if (sql.contains(":today")) {
      query.setParameter("today", days.today());
    }
    if (after != null) {
      query.setParameter("afterAt", after.submittedAt());
      query.setParameter("afterId", after.id());
    }
    query.setParameter("limit", limit + 1);
    @SuppressWarnings("unchecked")
    List<Referral> rows = new ArrayList<>(query.getResultList());
    String next = null;
    if (rows.size() > limit) {
      rows = rows.subList(0, limit);
      Referral last = rows.get(limit - 1);
      next = new Cursor(queue.sortTime(last), last.id()).encode();
    }
    if (!rows.isEmpty()) {
      audit.append(
          AuditEvent.of(Action.REFERRALS_LISTED)
              .detail("queue", queue.wireName())
              .detail("referralIds", rows.stream().map(r -> r.id().toString()).toList()));
    }
    return new ReferralPage(queries.summaries(rows, true), next);
  }
}
