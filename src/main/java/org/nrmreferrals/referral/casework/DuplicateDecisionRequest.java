package org.nrmreferrals.referral.casework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A caseworker's decision on a likely duplicate. */
public record DuplicateDecisionRequest(
    @NotNull(message = "must be CONFIRMED or DISMISSED") Decision decision,
    @NotBlank(message = "must give the reason")
        @Size(max = 4000, message = "must be at most 4000 characters")
        String reason) {
  /** Same person, or not. */
  public enum Decision {
    CONFIRMED,
    DISMISSED
  }
}
