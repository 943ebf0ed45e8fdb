package org.nrmreferrals.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The age now from a date of birth, a stated group or an estimate, in that order. */
class AgeNowTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

  @ParameterizedTest(name = "born {0}, stated {1}, estimated {2} -> {3}")
  @CsvSource({
    "2008-12-07, ,                       , CHILD",
    "2008-12-06, ,                       , ADULT",
    "2008-12-06, CHILD,                  , ADULT",
    ",           UNKNOWN_POSSIBLY_CHILD, 30, UNKNOWN_POSSIBLY_CHILD",
    ",           ,                     17, CHILD",
    ",           ,                     18, ADULT",
    ",           ,                       , "
  })
  void takesTheDateOfBirthThenTheStatedGroupThenTheEstimate(
      LocalDate born, AgeGroup stated, Integer estimated, AgeGroup expected) {
    assertEquals(expected, AgeNow.of(born, stated, estimated, TODAY));
  }

  @ParameterizedTest(name = "born {0}, stated {1}, estimated {2}: contradiction {3}")
  @CsvSource({
    "2008-12-06, CHILD, , true",
    "2008-12-06, ADULT, , false",
    "2010-01-01, ADULT, , true",
    ",           ADULT, 16, true",
    ",           CHILD, 40, true",
    ",           UNKNOWN_POSSIBLY_CHILD, 40, false",
    ",           CHILD, 12, false"
  })
  void findsAStatedGroupThatContradictsTheDateOfBirthOrTheEstimate(
      LocalDate born, AgeGroup stated, Integer estimated, boolean contradicts) {
    assertEquals(contradicts, AgeNow.contradiction(born, stated, estimated, TODAY) != null);
  }
}
