package org.nrmreferrals.workflow;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.reference.Jurisdiction;

/** The dates the law and guidance set for a referral, in days of the jurisdiction's calendar. */
@Singleton
public class Deadlines {
  private final int rgWorkingDays;
  private final PerJurisdiction minimumBeforeCg;
  private final PerJurisdiction support;
  private final PerJurisdiction moveOn;

  /** A number of calendar days for each jurisdiction. */
  public record PerJurisdiction(int englandAndWales, int scotland, int northernIreland) {
    public PerJurisdiction {
      if (englandAndWales < 1 || scotland < 1 || northernIreland < 1) {
        throw new IllegalArgumentException("Periods must be at least one day");
      }
    }

    int of(Jurisdiction jurisdiction) {
      return switch (jurisdiction) {
        case ENGLAND_AND_WALES -> englandAndWales;
        case SCOTLAND -> scotland;
        case NORTHERN_IRELAND -> northernIreland;
      };
    }
  }

  @Inject
  Deadlines(NrmConfig config) {
    this(
        config.deadlines().rgWorkingDays(),
        new PerJurisdiction(
            config.deadlines().minimumDaysBeforeCg().englandAndWales(),
            config.deadlines().minimumDaysBeforeCg().scotland(),
            config.deadlines().minimumDaysBeforeCg().northernIreland()),
        new PerJurisdiction(
            config.deadlines().supportPeriodDays().englandAndWales(),
            config.deadlines().supportPeriodDays().scotland(),
            config.deadlines().supportPeriodDays().northernIreland()),
        new PerJurisdiction(
            config.deadlines().moveOnSupportDays().englandAndWales(),
            config.deadlines().moveOnSupportDays().scotland(),
            config.deadlines().moveOnSupportDays().northernIreland()));
  }

  /**
   * Deadlines with explicit periods: RG working days, minimum days before a CG, support days after
   * a positive RG, move-on support days after a positive CG.
   */
  public Deadlines(
      int rgWorkingDays,
      PerJurisdiction minimumBeforeCg,
      PerJurisdiction support,
      PerJurisdiction moveOn) {
    if (rgWorkingDays < 1) {
      throw new IllegalArgumentException("Deadline periods must be at least one day");
    }
    this.rgWorkingDays = rgWorkingDays;
    this.minimumBeforeCg = minimumBeforeCg;
    this.support = support;
    this.moveOn = moveOn;
  }

  /** The day move-on support after a positive CG ends, at the earliest. */
  public LocalDate moveOnEndsOn(Jurisdiction jurisdiction, LocalDate cgPositiveOn) {
    return cgPositiveOn.plusDays(moveOn.of(jurisdiction));
  }

  /**
   * The day the Reasonable Grounds decision is aimed at (a target, "where possible"): this many
   * working days after the day of submission.
   */
  public LocalDate rgDecisionTargetDate(Jurisdiction jurisdiction, LocalDate submittedOn) {
    return WorkingDays.after(jurisdiction, submittedOn, rgWorkingDays);
  }

  /**
   * The day the minimum time after a positive RG decision has run (the recovery period in England
   * and Wales): the earliest day a Conclusive Grounds decision may be made.
   */
  public LocalDate earliestCgDate(Jurisdiction jurisdiction, LocalDate rgPositiveOn) {
    return rgPositiveOn.plusDays(minimumBeforeCg.of(jurisdiction));
  }

  /** The day the support period that starts with a positive RG decision ends, at the earliest. */
  public LocalDate supportPeriodEndsOn(Jurisdiction jurisdiction, LocalDate rgPositiveOn) {
    return rgPositiveOn.plusDays(support.of(jurisdiction));
  }

  /** Whole days since the positive RG decision. */
  public static long daysSince(LocalDate day, LocalDate today) {
    return ChronoUnit.DAYS.between(day, today);
  }
}
