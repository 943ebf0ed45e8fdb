package org.nrmreferrals.referral;

import java.time.Instant;
import org.nrmreferrals.reference.ExploitationType;
import org.nrmreferrals.workflow.ReferralStatus;

/**
 * The list filters a caller may combine; null means "any". awaitingCg: positive RG (or a CG
 * reconsideration) without a CG yet; overdue: submitted and past the RG target date; consentNeeded:
 * an adult's referral without consent (see {@link Referral#consentNeeded()}).
 */
record ReferralFilter(
    ReferralStatus status,
    ReferralKind kind,
    Instant submittedFrom,
    Instant submittedBefore,
    String nationality,
    String countryOfOrigin,
    ExploitationType exploitationType,
    AgeAtExploitation ageAtExploitation,
    Boolean awaitingCg,
    Boolean overdue,
    String competentAuthority,
    String assignee,
    Boolean consentNeeded) {}
