package org.nrmreferrals.statistics;

/**
 * The snapshot's queries of referrals and of what happened to them after their decisions, with
 * their months and days in the jurisdiction's zone (as month and day indexes).
 */
final class SnapshotSql {
  private final String zone;

  /** The zone id is written into the SQL: the snapshot checks it is a plain id first. */
  SnapshotSql(String zone) {
    this.zone = zone;
  }

  private String localMonth(String column) {
    return "((extract(year FROM %1$s AT TIME ZONE '%2$s')::int - 2000) * 12".formatted(column, zone)
        + " + extract(month FROM %1$s AT TIME ZONE '%2$s')::int - 1)".formatted(column, zone);
  }

  private String localDay(String column) {
    return "((%1$s AT TIME ZONE '%2$s')::date - DATE '1970-01-01')".formatted(column, zone);
  }

  /**
   * Each referral's slot, coded columns and id, as the snapshot reads them; {@code where} picks.
   */
  String referralSql(String where) {
    return "SELECT r.stats_slot, "
        + localMonth("r.submitted_at")
        + ", "
        + localDay("r.submitted_at")
        + ", coalesce("
        + localDay("r.rg_decided_at")
        + ", -1), r.nationalities[1], r.country_of_origin, r.gender, r.age_at_exploitation,"
        + " r.exploitation_types, r.county_lines, r.exploitation_location, r.agency_code,"
        + " r.jurisdiction, r.police_force, r.kind, r.status, r.id,"
        + " coalesce((extract(year FROM r.ictg_referred_on)::int - 2000) * 12"
        + " + extract(month FROM r.ictg_referred_on)::int - 1, -1), r.competent_authority,"
        + " coalesce(r.assessed_age_group, r.age_group_at_referral),"
        + " array_to_string(r.nationalities, ',') FROM referral r "
        + where;
  }

  /**
   * Each reconsideration request decided: its id, case, month decided, the decision reconsidered,
   * grounds and outcome; {@code and} narrows.
   */
  String reconsiderationSql(String and) {
    return "SELECT id, referral_id, "
        + localMonth("outcome_at")
        + ", decision, grounds, outcome FROM reconsideration_request WHERE outcome IS NOT NULL"
        + and;
  }

  /** Each disqualification confirmed: its id, case, month confirmed and grounds. */
  String disqualificationSql(String and) {
    return "SELECT id, referral_id, "
        + localMonth("confirmed_at")
        + ", grounds FROM disqualification WHERE confirmed_at IS NOT NULL"
        + and;
  }
}
