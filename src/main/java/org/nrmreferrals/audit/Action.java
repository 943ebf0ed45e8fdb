package org.nrmreferrals.audit;

/** What an audit event records. The wire name is stable: partners filter on it. */
public enum Action {
  REFERRAL_SUBMITTED("referral.submitted"),
  REFERRAL_READ("referral.read"),
  REFERRALS_LISTED("referral.listed"),
  STATUS_CHANGED("referral.status_changed"),
  DECISION_REQUESTED("referral.decision_requested", false),
  DECISION_WITHDRAWN("referral.decision_withdrawn", false),
  FLAG_SET("referral.flag_set"),
  POSSIBLE_DUPLICATE("referral.possible_duplicate"),
  DUPLICATE_DECIDED("referral.duplicate_decided"),
  PERSONAL_DATA_ERASED("referral.personal_data_erased"),
  LEGAL_HOLD_SET("referral.legal_hold_set", false),
  LEGAL_HOLD_RELEASED("referral.legal_hold_released", false),
  CASE_TRANSFERRED("referral.transferred"),
  RECONSIDERATION_REQUESTED("referral.reconsideration_requested"),
  RECONSIDERATION_DECIDED("referral.reconsideration_decided"),
  DISQUALIFICATION_REQUESTED("referral.disqualification_requested", false),
  DISQUALIFICATION_WITHDRAWN("referral.disqualification_withdrawn", false),
  DISQUALIFIED("referral.disqualified"),
  DISQUALIFICATION_SET_ASIDE("referral.disqualification_set_aside"),
  INFORMATION_REQUESTED("referral.information_requested"),
  INFORMATION_PROVIDED("referral.information_provided"),
  INFORMATION_REQUEST_EXTENDED("referral.information_request_extended"),
  EMERGENCY_SUPPORT_STARTED("referral.emergency_support_started"),
  TEMPORARY_LEAVE_CONSIDERED("referral.temporary_leave_considered"),
  FURTHER_RG_MARKED("referral.further_rg_marked"),
  CASE_ASSIGNED("referral.assigned", false),
  CASE_UNASSIGNED("referral.unassigned", false),
  AGE_ASSESSED("referral.age_assessed"),
  CONSENT_RECORDED("referral.consent_recorded"),
  REFERRAL_EXPORTED("referral.exported"),
  RETENTION_APPLIED("retention.applied"),
  STATISTICS_RELEASE_CUT("statistics.release_cut"),
  STATISTICS_READ_EXACT("statistics.read_exact"),
  AGENCY_REGISTERED("agency.registered"),
  AGENCY_REVISED("agency.revised"),
  AUTHORITY_REGISTERED("competent_authority.registered"),
  AUTHORITY_REVISED("competent_authority.revised"),
  DATA_KEYS_REWRAPPED("data_keys.rewrapped"),
  KEK_RETIRED("data_keys.kek_retired"),
  WEBHOOK_CREATED("webhook.created"),
  WEBHOOK_SECRET_ROTATED("webhook.secret_rotated"),
  WEBHOOK_DELETED("webhook.deleted"),
  WEBHOOK_DISABLED("webhook.disabled"),
  WEBHOOK_ENABLED("webhook.enabled");

  private final String wireName;
  private final boolean partnerVisible;

  Action(String wireName) {
    this(wireName, true);
  }

  Action(String wireName, boolean partnerVisible) {
    this.wireName = wireName;
    this.partnerVisible = partnerVisible;
  }

  /**
   * False for the competent authority's internal steps (a negative decision held for a second
   * caseworker, legal holds, assignment): the referring partner's history, feed and webhooks never
   * carry them.
   */
  public boolean partnerVisible() {
    return partnerVisible;
  }

  public String wireName() {
    return wireName;
  }

  /** The action with this wire name. */
  public static Action ofWireName(String name) {
    for (Action a : values()) {
      if (a.wireName.equals(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException("no action is named " + name);
  }

  /** True when this is the wire name of an action. */
  public static boolean isWireName(String name) {
    for (Action a : values()) {
      if (a.wireName.equals(name)) {
        return true;
      }
    }
    return false;
  }
}
