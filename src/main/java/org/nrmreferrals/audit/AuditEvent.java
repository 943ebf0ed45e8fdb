package org.nrmreferrals.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * An event to append: what happened, to which referral or agency, and coded details. Never put
 * personal data in details; a free-text reason goes in {@link #reason}: the chain holds only its
 * salted digest, and its text is stored apart, sealed, when {@link #sealReasonWith} gives a way to
 * seal it (otherwise the digest is all that is kept).
 */
public final class AuditEvent {
  final Action action;
  UUID referralId;
  String agency;
  String fromStatus;
  String toStatus;
  String reason;
  BiFunction<String, byte[], byte[]> reasonSealer;
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

  /**
   * How to seal the reason for storage: {@code (purpose, plaintext) -> sealed}, for example with
   * the referral's data key, so that destroying the key erases the reason too. The purpose binds
   * the sealed text to this event's reason digest.
   */
  public AuditEvent sealReasonWith(BiFunction<String, byte[], byte[]> sealer) {
    this.reasonSealer = sealer;
    return this;
  }

  /** Whether the event carries a free-text reason. */
  public boolean hasReason() {
    return reason != null;
  }
}
