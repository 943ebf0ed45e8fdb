package org.nrmreferrals.referral;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.nrmreferrals.web.ProblemException;
import org.nrmreferrals.web.QueryParams;

/**
 * An opaque position in a list: the last item's sort time (its submission time in the newest-first
 * list) and id.
 */
public record Cursor(Instant submittedAt, UUID id) {

  static Cursor after(Referral last) {
    return new Cursor(last.submittedAt(), last.id());
  }

  public String encode() {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, submittedAt);
    String text = micros + "/" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  public static Cursor decode(String value) {
    if (value == null) {
      return null;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
      int slash = text.indexOf('/');
      long micros = Long.parseLong(text.substring(0, slash));
      UUID id = QueryParams.uuid("cursor", text.substring(slash + 1));
      return new Cursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
    } catch (IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException e) {
      throw invalid();
    } catch (ProblemException e) {
      throw invalid();
    }
  }

  private static ProblemException invalid() {
    return ProblemException.malformed("cursor", "is not a cursor this service issued");
  }
}
