/**
 * Caseworkers' queues: their competent authority's open cases by what needs doing next, each with
 * its count and paged by cursor, listing coded facts only.
 */
package org.nrmreferrals.referral.queues;
