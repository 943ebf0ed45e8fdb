package org.nrmreferrals.protection;

import java.util.Map;

/**
 * Which key-encryption keys wrap the data keys, and how many blind-index digests are under an
 * earlier key; after a re-wrap, how many it moved. A rotation is finished when both remaining
 * counts are 0.
 */
public record DataKeyStatus(
    String currentKekId,
    Map<String, Long> dataKeysByKek,
    long remaining,
    Long rewrapped,
    long digestsRemaining,
    Long rekeyed) {}
