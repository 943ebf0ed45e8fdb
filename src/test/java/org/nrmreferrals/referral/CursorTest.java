package org.nrmreferrals.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nrmreferrals.web.ProblemException;

class CursorTest {

  @Test
  void survivesARoundTripAtMicrosecondPrecision() {
    Cursor cursor = new Cursor(Instant.parse("2026-03-29T01:30:00.123456Z"), UUID.randomUUID());
    assertEquals(cursor, Cursor.decode(cursor.encode()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "%%%",
        "MTIz",
        "YWJjL2RlZg",
        "eC8wMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA"
      })
  void refusesAnythingItDidNotIssue(String text) {
    assertThrows(ProblemException.class, () -> Cursor.decode(text));
  }
}
