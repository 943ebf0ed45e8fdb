package org.nrmreferrals.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of recomputing the whole chain. */
@Schema(name = "AuditVerification")
public record Verification(
    boolean valid,
    long checkedEvents,
    @Schema(description = "Seq of the head row") long headSeq,
    String headHash,
    @Schema(nullable = true, description = "The first seq that is missing, altered or misplaced")
        Long firstBrokenSeq,
    @Schema(nullable = true, description = "What is wrong at firstBrokenSeq") String problem) {}
