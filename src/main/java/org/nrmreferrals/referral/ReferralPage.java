package org.nrmreferrals.referral;

import java.util.List;

/** One page of referrals, newest first, and the cursor of the next page (null on the last). */
public record ReferralPage(List<ReferralSummary> items, String nextCursor) {}
