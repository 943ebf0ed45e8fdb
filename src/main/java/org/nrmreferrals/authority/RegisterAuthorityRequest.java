package org.nrmreferrals.authority;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Registers a competent authority; only child panels are registered after the first release. */
public record RegisterAuthorityRequest(
    @NotNull(message = "is required")
        @Pattern(
            regexp = "^[A-Z0-9][A-Z0-9_]{1,39}$",
            message = "must be 2 to 40 capital letters, digits or underscores")
        String code,
    @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
        String name,
    @NotNull(message = "is required: CHILD_PANEL") AuthorityKind kind,
    @Size(max = 100, message = "must list at most 100 local authorities")
        List<@NotNull(message = "must not be null") String> localAuthorities) {

  /** An absent list reads as empty. */
  public RegisterAuthorityRequest {
    localAuthorities = localAuthorities == null ? List.of() : localAuthorities;
  }
}
