package org.nrmreferrals.referral;

import java.time.LocalDate;

/**
 * The person's age on a given day, from what the referral says: the date of birth where given,
 * otherwise the stated age group, otherwise the estimated age. Pure.
 */
public final class AgeNow {
  static final int ADULTHOOD = 18;

  private AgeNow() {}

  /** The age group on that day, or null when the referral says nothing of the age. */
  public static AgeGroup of(
      LocalDate dateOfBirth, AgeGroup stated, Integer estimatedAge, LocalDate on) {
    if (dateOfBirth != null) {
      return isChild(dateOfBirth, on) ? AgeGroup.CHILD : AgeGroup.ADULT;
    }
    if (stated != null) {
      return stated;
    }
    if (estimatedAge != null) {
      return estimatedAge < ADULTHOOD ? AgeGroup.CHILD : AgeGroup.ADULT;
    }
    return null;
  }

  /** True when someone born on that day is under 18 on the other. */
  public static boolean isChild(LocalDate dateOfBirth, LocalDate on) {
    return on.isBefore(dateOfBirth.plusYears(ADULTHOOD));
  }

  /** Days from one day until the 18th birthday (negative once past). */
  public static long daysUntilEighteen(LocalDate dateOfBirth, LocalDate on) {
    return java.time.temporal.ChronoUnit.DAYS.between(on, dateOfBirth.plusYears(ADULTHOOD));
  }

  /**
   * Why the stated age group and estimated age contradict the date of birth, or the estimate the
   * stated group; null when they agree (or when the age is disputed, so that a contradiction is the
   * point).
   */
  public static String contradiction(
      LocalDate dateOfBirth, AgeGroup stated, Integer estimatedAge, LocalDate on) {
    AgeGroup byDate =
        dateOfBirth == null ? null : (isChild(dateOfBirth, on) ? AgeGroup.CHILD : AgeGroup.ADULT);
    AgeGroup byEstimate =
        estimatedAge == null ? null : (estimatedAge < ADULTHOOD ? AgeGroup.CHILD : AgeGroup.ADULT);
    if (byDate != null && stated != null && stated != byDate) {
      return "says " + stated + " but the date of birth makes the person " + byDate + " today";
    }
    if (byEstimate != null && stated != null && stated == AgeGroup.ADULT && byEstimate != stated) {
      return "says ADULT but the estimated age is under 18";
    }
    if (byEstimate != null && stated == AgeGroup.CHILD && byEstimate != stated) {
      return "says CHILD but the estimated age is 18 or over";
    }
    return null;
  }
}
