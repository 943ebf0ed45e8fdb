package org.nrmreferrals.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An event to append: what happened, to which referral or agency, and coded details. Never put
 * personal data in details; a free-text reason goes in {@link #reason}, which is stored apart.
 */
public final class AuditEvent {
  final Action action;
  UUID referralId;
  String agency;
  String fromStatus;
  String toStatus;
  String reason;
  final Map<String, Object> details = new LinkedHashMap<>();

  private AuditEvent(Action action) {
    this.action = action;
  }

  public static AuditEvent of(Action action) {
    return new AuditEvent(action);
  }

  /** The referral concerned and the code of the agency that referred it. */
  public AuditEvent referral(UUID id, String agencyCode) {
    this.referralId = id;
    this.agency = agencyCode;
    return this;
  }

  /** The agency concerned (for agency changes and lists scoped to one agency). */
  public AuditEvent agency(String agencyCode) {
    this.agency = agencyCode;
    return this;
  }

  public AuditEvent statuses(Enum<?> from, Enum<?> to) {
    this.fromStatus = from == null ? null : from.name();
    this.toStatus = to == null ? null : to.name();
    return this;
  }

  /** A coded detail: a code, number, boolean, id or list of them; never personal data. */
  public AuditEvent detail(String key, Object value) {
    if (value != null) {
      details.put(key, value instanceof Enum<?> e ? e.name() : value);
    }
    return this;
  }

  public AuditEvent reason(String text) {
    this.reason = text;
    return this;
  }
}
