package org.nrmreferrals.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event's delivery to one subscription, with every attempt. */
@Schema(name = "WebhookDelivery")
public record DeliveryView(
    @Schema(description = "Also the webhook-id header of every attempt") UUID id,
    long eventSeq,
    @Schema(nullable = true) UUID referralId,
    @Schema(enumeration = {"PENDING", "DELIVERED", "FAILED"}) String status,
    int attempts,
    @Schema(nullable = true) Instant nextAttemptAt,
    Instant retryUntil,
    @Schema(nullable = true) Integer lastStatusCode,
    @Schema(nullable = true) String lastError,
    @Schema(nullable = true) Instant deliveredAt,
    Instant createdAt,
    List<Attempt> attemptLog) {

  /** One HTTP attempt. */
  @Schema(name = "WebhookAttempt")
  public record Attempt(
      int attempt,
      Instant attemptedAt,
      @Schema(nullable = true) Integer statusCode,
      @Schema(nullable = true) String error,
      int durationMs) {}
}
