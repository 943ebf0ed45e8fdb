package org.nrmreferrals.referral;

import java.time.Instant;
import org.nrmreferrals.reference.ExploitationType;

/** The list filters a caller may combine; null means "any". */
record ReferralFilter(
    ReferralStatus status,
    ReferralKind kind,
    Instant submittedFrom,
    Instant submittedBefore,
    String nationality,
    String countryOfOrigin,
    ExploitationType exploitationType,
    AgeAtExploitation ageAtExploitation) {}
