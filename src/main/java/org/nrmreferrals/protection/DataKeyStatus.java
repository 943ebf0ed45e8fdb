package org.nrmreferrals.protection;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which key-encryption keys wrap the data keys, and how many blind-index digests are under an
 * earlier key; after a re-wrap, how many it moved. A rotation is finished when both remaining
 * counts are 0.
 */
@Schema(name = "DataKeyStatus")
public record DataKeyStatus(
    @Schema(description = "Id of the current key-encryption key (first 8 bytes of its SHA-256)")
        String currentKekId,
    @Schema(description = "Data keys per key-encryption key id") Map<String, Long> dataKeysByKek,
    @Schema(description = "Data keys still wrapped by an earlier key") long remaining,
    @Schema(nullable = true, description = "Data keys this request re-wrapped") Long rewrapped,
    @Schema(description = "Blind-index digests still made under an earlier key")
        long digestsRemaining,
    @Schema(nullable = true, description = "Referrals whose digests this request recomputed")
        Long rekeyed) {}
