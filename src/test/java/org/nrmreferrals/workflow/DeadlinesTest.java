package org.nrmreferrals.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nrmreferrals.reference.Jurisdiction;

/** Deadline arithmetic over weekends and each nation's bank holidays, with fixed clocks. */
class DeadlinesTest {
  private static final Deadlines DEFAULTS =
      new Deadlines(
          5,
          new Deadlines.PerJurisdiction(30, 30, 45),
          new Deadlines.PerJurisdiction(30, 90, 45),
          new Deadlines.PerJurisdiction(45, 46, 47));
  private static final Deadlines.PerJurisdiction DEFAULTS_MIN =
      new Deadlines.PerJurisdiction(30, 30, 45);
  private static final Deadlines.PerJurisdiction DEFAULTS_SUPPORT =
      new Deadlines.PerJurisdiction(30, 90, 45);
  private static final ZoneId UK = ZoneId.of("Europe/London");

  @ParameterizedTest(name = "{0}: submitted {1} -> RG target {2}")
  @CsvSource({
    // An ordinary week: Monday -> the next Monday; Friday -> the next Friday.
    "ENGLAND_AND_WALES, 2026-11-16, 2026-11-23",
    "ENGLAND_AND_WALES, 2026-11-20, 2026-11-27",
    // Submitted at the weekend: counting starts on Monday.
    "ENGLAND_AND_WALES, 2026-11-21, 2026-11-27",
    "SCOTLAND,          2026-11-22, 2026-11-27",
    // Easter 2026: Good Friday 3 April everywhere; Easter Monday 6 April not in Scotland.
    "ENGLAND_AND_WALES, 2026-04-01, 2026-04-10",
    "NORTHERN_IRELAND,  2026-04-01, 2026-04-10",
    "SCOTLAND,          2026-04-01, 2026-04-09",
    // Christmas 2026 falls on a Friday, Boxing Day on Saturday (substitute Monday 28th), New
    // Year's Day 2027 on a Friday.
    "ENGLAND_AND_WALES, 2026-12-23, 2027-01-04",
    "NORTHERN_IRELAND,  2026-12-23, 2027-01-04",
    // Scotland also keeps 2 January (a Saturday in 2027: substitute Monday 4th).
    "SCOTLAND,          2026-12-23, 2027-01-05",
    // St Patrick's Day (Tuesday 17 March 2026) only in Northern Ireland.
    "NORTHERN_IRELAND,  2026-03-16, 2026-03-24",
    "ENGLAND_AND_WALES, 2026-03-16, 2026-03-23",
    // The Twelfth (Sunday 12 July 2026, substitute Monday 13th) only in Northern Ireland.
    "NORTHERN_IRELAND,  2026-07-10, 2026-07-20",
    "ENGLAND_AND_WALES, 2026-07-10, 2026-07-17",
    // Summer bank holiday: first Monday of August in Scotland, last elsewhere.
    "SCOTLAND,          2026-07-31, 2026-08-10",
    "ENGLAND_AND_WALES, 2026-07-31, 2026-08-07",
    "ENGLAND_AND_WALES, 2026-08-28, 2026-09-07",
    "SCOTLAND,          2026-08-28, 2026-09-04",
    // St Andrew's Day (Monday 30 November 2026) only in Scotland.
    "SCOTLAND,          2026-11-27, 2026-12-07",
    "ENGLAND_AND_WALES, 2026-11-27, 2026-12-04"
  })
  void countsFiveWorkingDaysOfTheJurisdiction(
      Jurisdiction jurisdiction, LocalDate submitted, LocalDate due) {
    assertEquals(due, DEFAULTS.rgDecisionTargetDate(jurisdiction, submitted));
  }

  @ParameterizedTest(name = "{0}: positive RG {1} -> CG from {2}, support to {3}")
  @CsvSource({
    "ENGLAND_AND_WALES, 2026-11-22, 2026-12-22, 2026-12-22",
    "NORTHERN_IRELAND,  2026-11-22, 2027-01-06, 2027-01-06",
    // Scotland's 90 days are a support period: they do not hold back the CG.
    "SCOTLAND,          2026-11-22, 2026-12-22, 2027-02-20",
    // Calendar days: weekends and holidays count.
    "ENGLAND_AND_WALES, 2026-12-01, 2026-12-31, 2026-12-31"
  })
  void keepsTheMinimumBeforeACgApartFromTheSupportPeriod(
      Jurisdiction jurisdiction, LocalDate rgPositive, LocalDate earliestCg, LocalDate support) {
    assertEquals(earliestCg, DEFAULTS.earliestCgDate(jurisdiction, rgPositive));
    assertEquals(support, DEFAULTS.supportPeriodEndsOn(jurisdiction, rgPositive));
  }

  @ParameterizedTest(name = "{0}: positive CG {1} -> move-on support to {2}")
  @CsvSource({
    "ENGLAND_AND_WALES, 2026-12-01, 2027-01-15",
    // Each nation's own setting (46 and 47 days here, to tell them apart).
    "SCOTLAND,          2026-12-01, 2027-01-16",
    "NORTHERN_IRELAND,  2027-02-01, 2027-03-20"
  })
  void endsMoveOnSupportFortyFiveDaysAfterAPositiveCg(
      Jurisdiction jurisdiction, LocalDate cgPositive, LocalDate ends) {
    assertEquals(ends, DEFAULTS.moveOnEndsOn(jurisdiction, cgPositive));
  }

  @ParameterizedTest(name = "{0} UTC is {1} in the UK")
  @CsvSource({
    // 23:30 UTC in British Summer Time is already the next day in London.
    "2026-07-31T23:30:00Z, 2026-08-01",
    "2026-12-31T23:30:00Z, 2026-12-31"
  })
  void countsDaysInTheUkZone(Instant now, LocalDate today) {
    LegalDays days = new LegalDays(Clock.fixed(now, ZoneOffset.UTC), UK);
    assertEquals(today, days.today());
    assertEquals(today, days.dayOf(now));
  }

  @ParameterizedTest(name = "configured {0} working days")
  @CsvSource({"1, 2026-11-23", "10, 2026-12-04"})
  void honoursAConfiguredRgPeriod(int workingDays, LocalDate due) {
    Deadlines configured =
        new Deadlines(
            workingDays, DEFAULTS_MIN, DEFAULTS_SUPPORT, new Deadlines.PerJurisdiction(45, 45, 45));
    assertEquals(
        due,
        configured.rgDecisionTargetDate(
            Jurisdiction.ENGLAND_AND_WALES, LocalDate.parse("2026-11-20")));
  }
}
