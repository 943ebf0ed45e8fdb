/**
 * Statistics for analysts: counts by dimension from an in-memory snapshot of coded facts, with
 * disclosure control (primary and secondary suppression, the period rule, optional rounding)
 * applied to every figure. Nothing here reads or returns personal data.
 */
package org.nrmreferrals.statistics;
