/**
 * The audit trail: every change and every read of personal data as one insert-only hash chain,
 * verifiable by admins in full and by partners for their own referrals, with signed checkpoints.
 */
package org.nrmreferrals.audit;
