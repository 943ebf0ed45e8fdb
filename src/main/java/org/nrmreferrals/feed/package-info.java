/** The change feed: the audit events a caller may see, in chain order, gap-free, pollable. */
package org.nrmreferrals.feed;
