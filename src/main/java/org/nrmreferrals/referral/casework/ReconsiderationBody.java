package org.nrmreferrals.referral.casework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.nrmreferrals.referral.ReconsiderationGround;

/**
 * A request to reconsider the case's negative decision: its grounds, what it rests on, (after the
 * window) the exceptional circumstances that allow it, and, from a support provider acting for the
 * person, the case's reference as the person has it.
 */
public record ReconsiderationBody(
    @NotEmpty(message = "must name ADDITIONAL_EVIDENCE, NOT_IN_LINE_WITH_GUIDANCE or both")
        @Size(max = 2, message = "must list at most 2 grounds")
        Set<@NotNull(message = "must not be null") ReconsiderationGround> grounds,
    @NotBlank(message = "must say what the request rests on")
        @Size(max = 4000, message = "must be at most 4000 characters")
        String reason,
    Boolean exceptionalCircumstances,
    @Size(max = 40, message = "must be at most 40 characters") String reference) {}
