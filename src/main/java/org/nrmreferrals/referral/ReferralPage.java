package org.nrmreferrals.referral;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of referrals, newest first, and the cursor of the next page (null on the last). */
@Schema(name = "ReferralPage")
public record ReferralPage(
    List<ReferralSummary> items, @Schema(nullable = true) String nextCursor) {}
