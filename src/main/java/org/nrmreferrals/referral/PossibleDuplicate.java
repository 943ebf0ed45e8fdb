package org.nrmreferrals.referral;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Another referral that is likely of the same person (caseworkers and admins only). */
@Schema(name = "PossibleDuplicate")
public record PossibleDuplicate(
    UUID referralId,
    @Schema(description = "NAME_DATE_OF_BIRTH and/or NAME_NATIONALITY") List<String> matchedOn,
    @Schema(enumeration = {"POSSIBLE", "CONFIRMED", "DISMISSED"}) String status) {}
