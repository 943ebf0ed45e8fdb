/**
 * Retention: how long personal data is kept after each final status, what is due, and its erasure
 * by an admin or the daily job.
 */
package org.nrmreferrals.referral.retention;
