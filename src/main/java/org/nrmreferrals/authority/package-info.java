/**
 * The competent authorities that decide NRM cases (the SCA, the IECA and devolved child panels),
 * registered as data, and the rules that allocate a new case to one of them.
 */
package org.nrmreferrals.authority;
