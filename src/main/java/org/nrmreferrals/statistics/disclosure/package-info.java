/**
 * The disclosure-control engine, pure and free of I/O: facts counted into cubes of tables, each
 * protected by primary and secondary suppression and a linear audit of its relations ({@link
 * org.nrmreferrals.statistics.disclosure.Cube} is the entry point).
 */
package org.nrmreferrals.statistics.disclosure;
