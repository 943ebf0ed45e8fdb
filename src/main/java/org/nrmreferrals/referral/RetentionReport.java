package org.nrmreferrals.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.nrmreferrals.NrmConfig.RetentionMode;
import org.nrmreferrals.workflow.ReferralStatus;

/** Referrals whose personal data is past its retention period. */
@Schema(name = "RetentionReport")
public record RetentionReport(
    Instant asOf,
    @Schema(description = "What the daily job does: LIST (log what is due) or ERASE")
        RetentionMode mode,
    @Schema(description = "Retention period per final status (ISO-8601), or never")
        Map<ReferralStatus, String> periods,
    @Schema(description = "Referrals due for erasure") long due,
    @Schema(description = "Referrals past their period but kept by a legal hold") long onLegalHold,
    @Schema(description = "The longest overdue, up to limit") List<Due> referrals) {

  /** One referral due for erasure; no personal data. */
  @Schema(name = "RetentionDue")
  public record Due(
      UUID id,
      String reference,
      ReferralStatus status,
      @Schema(description = "When the referral entered its status") Instant statusSince,
      @Schema(description = "The day its retention period ended") LocalDate dueOn) {}
}
