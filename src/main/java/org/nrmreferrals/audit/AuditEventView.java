package org.nrmreferrals.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One audit event as a caller may see it. Every field the chain covers is here, so the event's
 * digest can be recomputed; who acted and why are shown only to callers entitled to them.
 */
@Schema(name = "AuditEvent")
public record AuditEventView(
    long seq,
    @Schema(description = "UTC, always six fractional digits, exactly as hashed") String occurredAt,
    @Schema(example = "referral.status_changed") String action,
    @Schema(nullable = true) UUID referralId,
    @Schema(nullable = true, description = "Agency the event concerns") String agency,
    @Schema(nullable = true, description = "Token subject; hidden from partners for others' staff")
        String actor,
    @Schema(example = "caseworker") String actorRole,
    @Schema(nullable = true, description = "Partner agency, or a caseworker's competent authority")
        String actorAgency,
    @Schema(nullable = true, description = "Shown whenever actor is") String actorSalt,
    String actorDigest,
    @Schema(nullable = true) String fromStatus,
    @Schema(nullable = true) String toStatus,
    String requestId,
    @Schema(
            type = SchemaType.OBJECT,
            implementation = Map.class,
            additionalProperties = Schema.True.class,
            description = "Coded details; never personal data")
        JsonNode details,
    @Schema(nullable = true, description = "Free-text reason, when the caller may see it")
        String reason,
    String eventDigest,
    String prevHash,
    String hash) {
  static AuditEventView of(AuditRecord r, String reason, boolean revealActor) {
    return new AuditEventView(
        r.seq(),
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
