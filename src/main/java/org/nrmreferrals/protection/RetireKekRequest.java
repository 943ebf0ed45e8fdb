package org.nrmreferrals.protection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** The id of the key-encryption key to retire (16 hex digits, as the status lists it). */
public record RetireKekRequest(
    @NotBlank(message = "must name the key to retire")
        @Pattern(regexp = "\\s*[0-9a-f]{16}\\s*", message = "must be a key id: 16 hex digits")
        String kekId) {}
