package org.nrmreferrals.referral;

/**
 * The layers of an adult's informed consent. Referral consent is required for an adult NRM
 * referral; children need none.
 */
public record Consent(Boolean referral, Boolean support, Boolean policeContact) {}
