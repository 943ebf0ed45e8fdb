/**
 * Data protection: personal data encrypted in the application before it reaches PostgreSQL
 * (envelope encryption with Google Tink's AES-GCM: one data key per referral, wrapped by a
 * key-encryption key from configuration).
 */
package org.nrmreferrals.protection;
