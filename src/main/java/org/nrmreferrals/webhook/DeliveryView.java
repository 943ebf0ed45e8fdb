package org.nrmreferrals.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One event's delivery to one subscription, with every attempt. */
public record DeliveryView(
    UUID id,
    long eventSeq,
    UUID referralId,
    String status,
    int attempts,
    Instant nextAttemptAt,
    Instant retryUntil,
    Integer lastStatusCode,
    String lastError,
    Instant deliveredAt,
    Instant createdAt,
    List<Attempt> attemptLog) {

  /** One HTTP attempt. */
  public record Attempt(
      int attempt, Instant attemptedAt, Integer statusCode, String error, int durationMs) {}
}
