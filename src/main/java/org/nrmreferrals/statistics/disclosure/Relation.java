package org.nrmreferrals.statistics.disclosure;

/**
 * A relation of a table: its members are the cells sharing a parent; {@code axis} is the coded axis
 * summed over, or -1 for time (a year over its quarters, a quarter over its months).
 */
record Relation(int axis) {}
