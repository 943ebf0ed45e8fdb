package org.nrmreferrals.referral.casework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.nrmreferrals.referral.AgeGroup;

/** What an age assessment found: ADULT or CHILD, and on what it rests. */
public record AgeAssessmentRequest(
    @NotNull(message = "is required: ADULT or CHILD") AgeGroup ageGroup,
    @NotBlank(message = "must say what the assessment rests on")
        @Size(max = 4000, message = "must be at most 4000 characters")
        String reason) {}
