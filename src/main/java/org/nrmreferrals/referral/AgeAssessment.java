package org.nrmreferrals.referral;

import java.time.Instant;

/** What a caseworker's age assessment found, and when it was recorded. */
public record AgeAssessment(AgeGroup ageGroup, Instant assessedAt) {}
