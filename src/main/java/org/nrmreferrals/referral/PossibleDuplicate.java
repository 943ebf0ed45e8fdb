package org.nrmreferrals.referral;

import java.util.List;
import java.util.UUID;

/** Another referral that is likely of the same person (caseworkers and admins only). */
public record PossibleDuplicate(UUID referralId, List<String> matchedOn, String status) {}
