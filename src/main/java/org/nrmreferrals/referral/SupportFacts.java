package org.nrmreferrals.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Facts of a case beside its status about support and protection: emergency support before the RG,
 * the end of move-on support after a positive CG, the referral of a child to an Independent Child
 * Trafficking Guardian, the consideration of temporary leave, and a further RG's recovery period
 * (the caseworker's decision).
 */
@Embeddable
public class SupportFacts {
  @Column(name = "emergency_support_from")
  private LocalDate emergencySupportFrom;

  @Column(name = "move_on_support_ends_on")
  private LocalDate moveOnSupportEndsOn;

  @Column(name = "ictg_referred_on")
  private LocalDate ictgReferredOn;

  @Enumerated(EnumType.STRING)
  @Column(name = "temporary_leave")
  private TemporaryLeave temporaryLeave;

  @Column(name = "temporary_leave_at")
  private Instant temporaryLeaveAt;

  /** Null unless a further RG: then whether the caseworker granted a new recovery period. */
  @Column(name = "further_rg_recovery_period")
  private Boolean furtherRgRecoveryPeriod;

  /** Emergency support before the RG, from this day (the person is destitute and consented). */
  public void emergencySupportFrom(LocalDate day) {
    emergencySupportFrom = day;
  }

  /** The referral of a child to an Independent Child Trafficking Guardian, on this day. */
  public void referredToIctg(LocalDate day) {
    ictgReferredOn = day;
  }

  /** The outcome of considering temporary leave as a victim, after a positive CG. */
  public void temporaryLeaveConsidered(TemporaryLeave outcome, Instant at) {
    temporaryLeave = outcome;
    temporaryLeaveAt = at;
  }

  /**
   * Marks a further RG (a person referred again for earlier exploitation): whether a positive RG
   * starts a new recovery period is the caseworker's decision, not automatic.
   */
  public void furtherRg(boolean recoveryPeriod) {
    furtherRgRecoveryPeriod = recoveryPeriod;
  }

  void moveOnSupportEndsOn(LocalDate day) {
    moveOnSupportEndsOn = day;
  }

  public LocalDate emergencySupportFrom() {
    return emergencySupportFrom;
  }

  LocalDate moveOnSupportEndsOn() {
    return moveOnSupportEndsOn;
  }

  public LocalDate ictgReferredOn() {
    return ictgReferredOn;
  }

  public TemporaryLeave temporaryLeave() {
    return temporaryLeave;
  }

  /** Null unless a further RG; then whether a positive RG starts a recovery period. */
  public Boolean furtherRgRecoveryPeriod() {
    return furtherRgRecoveryPeriod;
  }
}
