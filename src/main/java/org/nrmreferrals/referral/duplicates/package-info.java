/**
 * Duplicates: the blind index of a referral's person (keyed digests of normalised names with date
 * of birth or nationality), matched at intake and re-keyed when the key-encryption key changes.
 */
package org.nrmreferrals.referral.duplicates;
