package org.nrmreferrals.authority;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Changes some of a competent authority's fields; absent fields stay as they are. */
public record ReviseAuthorityRequest(
    @Size(min = 1, max = 200, message = "must be 1 to 200 characters")
        @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String name,
    @Size(max = 100, message = "must list at most 100 local authorities")
        List<@NotNull(message = "must not be null") String> localAuthorities,
    Boolean active) {}
