package org.nrmreferrals.referral;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.nrmreferrals.protection.DataKeys;
import org.nrmreferrals.workflow.Stage;

/**
 * A further information request as its authority and the agency asked see it; the question and
 * answer are absent once the referral's personal data is erased.
 */
public record InformationRequestView(
    UUID id,
    UUID referralId,
    Stage stage,
    String askedOf,
    Instant askedAt,
    LocalDate dueOn,
    Instant extendedAt,
    State state,
    String question,
    String answer,
    Instant answeredAt) {

  /** Where a request stands. */
  public enum State {
    OPEN,
    ANSWERED,
    EXPIRED
  }

  /** The request as of today, opened with the referral's data key (null once erased). */
  public static InformationRequestView of(
      InformationRequest q, DataKeys.Sealer sealer, LocalDate today) {
    return new InformationRequestView(
        q.id(),
        q.referralId(),
        q.stage(),
        q.askedOf(),
        q.askedAt(),
        q.dueOn(),
        q.extendedAt(),
        q.state(today),
        open(sealer, q, "question", q.questionSealed()),
        open(sealer, q, "answer", q.answerSealed()),
        q.answeredAt());
  }

  private static String open(
      DataKeys.Sealer sealer, InformationRequest q, String part, byte[] sealed) {
    if (sealer == null || sealed == null) {
      return null;
    }
    return new String(sealer.open(q.purpose(part), sealed), StandardCharsets.UTF_8);
  }
}
