package org.nrmreferrals.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * One audit event as a caller may see it. Every field the chain covers is here, so the event's
 * digest can be recomputed; who acted and why are shown only to callers entitled to them. An event
 * not yet sequenced into the chain has no seq, prevHash or hash yet.
 */
public record AuditEventView(
    Long seq,
    String occurredAt,
    String action,
    UUID referralId,
    String agency,
    String actor,
    String actorRole,
    String actorAgency,
    String actorSalt,
    String actorDigest,
    String fromStatus,
    String toStatus,
    String requestId,
    JsonNode details,
    String reason,
    String eventDigest,
    String prevHash,
    String hash) {
  static AuditEventView of(AuditRecord r, String reason, boolean revealActor) {
    return new AuditEventView(
        r.prevHash() == null ? null : r.seq(), // not yet sequenced
        AuditChain.timestamp(r.occurredAt()),
        r.action(),
        r.referralId(),
        r.agency(),
        revealActor ? r.actor() : null,
        r.actorRole(),
        r.actorAgency(),
        revealActor ? r.actorSalt() : null,
        r.actorDigest(),
        r.fromStatus(),
        r.toStatus(),
        r.requestId(),
        r.details(),
        revealActor ? reason : null,
        r.eventDigest(),
        r.prevHash(),
        r.hash());
  }
}
