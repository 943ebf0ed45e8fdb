/** The change feed: the audit events a caller may see, in commit order, gap-free, pollable. */
package org.nrmreferrals.feed;
