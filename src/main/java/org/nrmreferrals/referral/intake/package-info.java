/**
 * Intake: partner agencies submit referrals and Duty to Notify reports, checked by the intake
 * rules, numbered, made idempotent by key, and audited in one transaction.
 */
package org.nrmreferrals.referral.intake;
