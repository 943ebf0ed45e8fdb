package org.nrmreferrals.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request to erase a referral's personal data, with the reason the law gives. */
@Schema(name = "ErasureRequest")
public record ErasureRequest(
    @NotBlank(message = "must give the reason for the erasure")
        @Size(max = 4000, message = "must be at most 4000 characters")
        String reason) {}
