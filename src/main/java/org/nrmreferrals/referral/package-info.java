/**
 * The referral: its coded facts, its sealed personal data, its likely duplicates, and reading it
 * (one, a page, its history) scoped to the caller. The subpackages act on it: intake, casework,
 * retention, duplicates (detection) and export; none of them is used from here.
 */
package org.nrmreferrals.referral;
