package org.nrmreferrals.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.nrmreferrals.security.Caller;
import org.nrmreferrals.web.ProblemException;

/** Reads referrals, showing each caller only what it may see. */
@ApplicationScoped
class ReferralQueries {
  private final EntityManager em;

  ReferralQueries(EntityManager em) {
    this.em = em;
  }

  /** A referral the caller may see; 404 for one that does not exist or belongs elsewhere. */
  Referral visible(Caller caller, UUID id) {
    Referral referral = Referral.findById(id);
    if (referral == null || !maySee(caller, referral)) {
      throw ProblemException.notFound("No referral " + id + " is visible to you.");
    }
    return referral;
  }

  ReferralView view(Referral referral) {
    return ReferralView.of(referral, PersonalData.findById(referral.id()));
  }

  /** One page in newest-first order, strictly after the cursor. */
  ReferralPage list(Caller caller, ReferralFilter filter, Cursor after, int limit) {
    Map<String, Object> params = new HashMap<>();
    String sql =
        "select r.* from referral r where true"
            + conditions(caller, filter, after, params)
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
    return new ReferralPage(rows.stream().map(ReferralSummary::of).toList(), next);
  }

  /**
   * The WHERE conditions for a filter, with their parameters; array filters use the GIN indexes.
   */
  private static String conditions(
      Caller caller, ReferralFilter filter, Cursor after, Map<String, Object> params) {
    StringBuilder sql = new StringBuilder();
    if (!caller.seesAllAgencies()) {
      where(sql, params, "r.agency_code = :agency", "agency", caller.agencyCode());
    }
    where(sql, params, "r.status = :status", "status", name(filter.status()));
    where(sql, params, "r.kind = :kind", "kind", name(filter.kind()));
    where(sql, params, "r.submitted_at >= :from", "from", filter.submittedFrom());
    where(sql, params, "r.submitted_at < :before", "before", filter.submittedBefore());
    where(sql, params, "r.nationalities @> array[cast(:nat as text)]", "nat", filter.nationality());
    where(sql, params, "r.country_of_origin = :origin", "origin", filter.countryOfOrigin());
    String type = name(filter.exploitationType());
    where(sql, params, "r.exploitation_types @> array[cast(:type as text)]", "type", type);
    where(sql, params, "r.age_at_exploitation = :age", "age", name(filter.ageAtExploitation()));
    if (after != null) {
      sql.append(" and (r.submitted_at, r.id) < (:afterAt, :afterId)");
      params.put("afterAt", after.submittedAt());
      params.put("afterId", after.id());
    }
    return sql.toString();
  }

  /** Caseworkers and admins see every referral; a partner only its own agency's. */
  private static boolean maySee(Caller caller, Referral referral) {
    return caller.seesAllAgencies()
        || (caller.isPartner() && referral.agency().code().equals(caller.agencyCode()));
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
