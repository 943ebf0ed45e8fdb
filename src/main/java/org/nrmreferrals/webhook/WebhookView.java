package org.nrmreferrals.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subscription as its agency sees it; the secret only when it is created or rotated. */
public record WebhookView(
    UUID id,
    String url,
    List<String> events,
    boolean active,
    String disabledReason,
    Instant createdAt,
    String secret,
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
