package org.nrmreferrals.workflow;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.reference.Jurisdiction;

/** The dates the law sets for a referral, in days of the jurisdiction's own calendar. */
@Singleton
public class Deadlines {
  private final int rgWorkingDays;
  private final int recoveryEnglandAndWales;
  private final int recoveryScotland;
  private final int recoveryNorthernIreland;

  @Inject
  Deadlines(NrmConfig config) {
    this(
        config.deadlines().rgWorkingDays(),
        config.deadlines().recoveryPeriodDays().englandAndWales(),
        config.deadlines().recoveryPeriodDays().scotland(),
        config.deadlines().recoveryPeriodDays().northernIreland());
  }

  /** Deadlines with explicit periods: RG working days, then recovery days per jurisdiction. */
  public Deadlines(int rgWorkingDays, int englandAndWales, int scotland, int northernIreland) {
    if (rgWorkingDays < 1 || englandAndWales < 1 || scotland < 1 || northernIreland < 1) {
      throw new IllegalArgumentException("Deadline periods must be at least one day");
    }
    this.rgWorkingDays = rgWorkingDays;
    this.recoveryEnglandAndWales = englandAndWales;
    this.recoveryScotland = scotland;
    this.recoveryNorthernIreland = northernIreland;
  }

  /** The Reasonable Grounds decision is due this many working days after the day of submission. */
  public LocalDate rgDecisionDueBy(Jurisdiction jurisdiction, LocalDate submittedOn) {
    return WorkingDays.after(jurisdiction, submittedOn, rgWorkingDays);
  }

  /**
   * The day the recovery period that starts with a positive RG decision has run: the earliest day a
   * Conclusive Grounds decision may be made.
   */
  public LocalDate recoveryPeriodEndsOn(Jurisdiction jurisdiction, LocalDate rgPositiveOn) {
    return rgPositiveOn.plusDays(recoveryDays(jurisdiction));
  }

  /** Whole days since the positive RG decision. */
  public static long daysSince(LocalDate day, LocalDate today) {
    return ChronoUnit.DAYS.between(day, today);
  }

  int recoveryDays(Jurisdiction jurisdiction) {
    return switch (jurisdiction) {
      case ENGLAND_AND_WALES -> recoveryEnglandAndWales;
      case SCOTLAND -> recoveryScotland;
      case NORTHERN_IRELAND -> recoveryNorthernIreland;
    };
  }
}
