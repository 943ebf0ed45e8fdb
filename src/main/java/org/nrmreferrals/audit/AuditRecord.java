package org.nrmreferrals.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** One stored audit event, every column of it. */
record AuditRecord(
    long seq,
    Instant occurredAt,
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
    String eventDigest,
    String prevHash,
    String hash) {}
