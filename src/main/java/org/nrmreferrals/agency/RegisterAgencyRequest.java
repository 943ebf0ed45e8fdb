package org.nrmreferrals.agency;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Registers a new First Responder Organisation. */
public record RegisterAgencyRequest(
    @NotNull(message = "is required")
        @Pattern(
            regexp = "^[A-Z0-9][A-Z0-9_]{1,39}$",
            message = "must be 2 to 40 capital letters, digits or underscores")
        String code,
    @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
        String name,
    @NotNull(message = "is required") AgencyType type,
    Boolean active,
    Boolean supportProvider) {}
