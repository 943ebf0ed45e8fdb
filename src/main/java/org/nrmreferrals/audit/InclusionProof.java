package org.nrmreferrals.audit;

import java.util.List;

/**
 * Where an event is in the log and the RFC 9162 inclusion path that proves it (leaf index = seq -
 * 1), with the signed checkpoint of the log it is proved in; or, with status PENDING, that the
 * event is stored and not yet sequenced.
 */
public record InclusionProof(
    String eventDigest,
    String status,
    Long seq,
    Long leafIndex,
    Long treeSize,
    List<String> path,
    Checkpoint checkpoint) {}
