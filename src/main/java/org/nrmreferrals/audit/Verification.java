package org.nrmreferrals.audit;

/** The outcome of recomputing the whole chain. */
public record Verification(
    boolean valid,
    long checkedEvents,
    long headSeq,
    String headHash,
    Long firstBrokenSeq,
    String problem) {}
