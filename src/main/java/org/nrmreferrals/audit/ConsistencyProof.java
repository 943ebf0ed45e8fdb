package org.nrmreferrals.audit;

import java.util.List;

/**
 * The RFC 9162 consistency proof that the log of {@code to} events extends the log of {@code from}
 * events, with the signed checkpoint of {@code to}.
 */
public record ConsistencyProof(long from, long to, List<String> proof, Checkpoint checkpoint) {}
