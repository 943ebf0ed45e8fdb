package org.nrmreferrals.referral.retention;

import java.time.Instant;

/** What an erasure run of the retention policy did. */
public record RetentionRun(Instant asOf, long erased, long due, long onLegalHold) {}
