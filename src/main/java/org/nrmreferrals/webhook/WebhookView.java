package org.nrmreferrals.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as its agency sees it; the secret only when it is created or rotated. */
@Schema(name = "Webhook")
public record WebhookView(
    UUID id,
    String url,
    List<String> events,
    boolean active,
    @Schema(nullable = true) String disabledReason,
    Instant createdAt,
    @Schema(
            nullable = true,
            description = "The signing secret (whsec_...): shown once, on creation or rotation")
        String secret,
    @Schema(nullable = true, description = "Until then the previous secret also signs")
        Instant previousSecretExpiresAt) {

  static WebhookView of(WebhookSubscription s, boolean withSecret) {
    return new WebhookView(
        s.id(),
        s.url(),
        s.events(),
        s.isActive(),
        s.disabledReason(),
        s.createdAt(),
        withSecret ? s.secret() : null,
        s.previousSecretExpiresAt());
  }
}
