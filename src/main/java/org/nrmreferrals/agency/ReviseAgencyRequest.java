package org.nrmreferrals.agency;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Changes some of an agency's fields; absent fields stay as they are. */
public record ReviseAgencyRequest(
    @Size(min = 1, max = 200, message = "must be 1 to 200 characters")
        @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String name,
    AgencyType type,
    Boolean active,
    Boolean supportProvider) {}
