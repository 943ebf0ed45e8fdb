package org.nrmreferrals.referral.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.nrmreferrals.NrmConfig.RetentionMode;
import org.nrmreferrals.workflow.ReferralStatus;

/** Referrals whose personal data is past its retention period. */
public record RetentionReport(
    Instant asOf,
    RetentionMode mode,
    Map<ReferralStatus, String> periods,
    long due,
    long onLegalHold,
    List<Due> referrals) {

  /** One referral due for erasure; no personal data. */
  public record Due(
      UUID id, String reference, ReferralStatus status, Instant statusSince, LocalDate dueOn) {}
}
