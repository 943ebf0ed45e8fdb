package org.nrmreferrals.referral.casework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.nrmreferrals.referral.TemporaryLeave;

/** The bodies of the requests that record facts of the case beside its status. */
final class SupportFactRequests {
  private SupportFactRequests() {}

  /** Why emergency support starts before the RG (the person is destitute). */
  public record EmergencySupport(
      @NotBlank(message = "must say why the person needs emergency support")
          @Size(max = 4000, message = "must be at most 4000 characters")
          String reason) {}

  /** The outcome of considering temporary leave after a positive CG, and its reason. */
  public record TemporaryLeaveConsidered(
      @NotNull(message = "is required: GRANTED, REFUSED or HAS_LEAVE") TemporaryLeave outcome,
      @NotBlank(message = "must give the reason")
          @Size(max = 4000, message = "must be at most 4000 characters")
          String reason) {}

  /** A further RG: whether a positive RG will start a new recovery period, and why. */
  public record FurtherRg(
      @NotNull(message = "is required: true or false") Boolean recoveryPeriod,
      @NotBlank(message = "must give the reason")
          @Size(max = 4000, message = "must be at most 4000 characters")
          String reason) {}
}
