/**
 * Casework: the actions of caseworkers (and of the referring agency where the law gives it one) on
 * a referral: transitions through the workflow table, decisions held for a second caseworker,
 * flags, likely-duplicate decisions, erasure and legal holds.
 */
package org.nrmreferrals.referral.casework;
