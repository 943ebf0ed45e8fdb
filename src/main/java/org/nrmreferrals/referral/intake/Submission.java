package org.nrmreferrals.referral.intake;

/** The outcome of an intake: the response to send, first time or replayed. */
record Submission(int status, String body, String location, String etag, boolean replayed) {}
