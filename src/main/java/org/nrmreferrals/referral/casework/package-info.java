/**
 * Casework: the actions of caseworkers (and of the referring agency or a support provider where the
 * law gives them one) on a case: transitions through the workflow table, decisions held for a
 * second caseworker, transfer and assignment, age and consent, reconsideration requests,
 * disqualification, support facts, likely-duplicate decisions, erasure and legal holds.
 */
package org.nrmreferrals.referral.casework;
