package org.nrmreferrals.workflow;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.nrmreferrals.reference.Jurisdiction;

/**
 * Working days of each UK jurisdiction: Monday to Friday except its bank holidays, as the Jollyday
 * library publishes them (England and Wales share one calendar; Scotland and Northern Ireland have
 * their own).
 */
public final class WorkingDays {
  private static final HolidayManager UK =
      HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));

  static {
    // An unknown region code silently yields only UK-wide holidays; refuse that at start-up.
    for (Jurisdiction j : Jurisdiction.values()) {
      if (!UK.getCalendarHierarchy().getChildren().containsKey(region(j))) {
        throw new IllegalStateException("The holiday calendar has no region " + region(j));
      }
    }
  }

  private WorkingDays() {}

  public static boolean isWorkingDay(Jurisdiction jurisdiction, LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY
        && dow != DayOfWeek.SUNDAY
        && !UK.isHoliday(day, region(jurisdiction));
  }

  /** The day that is {@code count} working days after {@code start} (start itself not counted). */
  public static LocalDate after(Jurisdiction jurisdiction, LocalDate start, int count) {
    LocalDate day = start;
    for (int left = count; left > 0; ) {
      day = day.plusDays(1);
      if (isWorkingDay(jurisdiction, day)) {
        left--;
      }
    }
    return day;
  }

  /**
   * Jollyday's sub-calendar (ISO 3166-2) for a jurisdiction; England's and Wales's bank holidays
   * are the same.
   */
  private static String region(Jurisdiction jurisdiction) {
    return switch (jurisdiction) {
      case ENGLAND_AND_WALES -> "eng";
      case SCOTLAND -> "sct";
      case NORTHERN_IRELAND -> "nir";
    };
  }
}
