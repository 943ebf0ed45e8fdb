package org.nrmreferrals.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subscription as administrators see it: whose, where, what state; never its secret. */
public record AdminWebhookView(
    UUID id,
    String agency,
    String url,
    List<String> events,
    boolean active,
    boolean disabledByAdmin,
    String disabledReason,
    int consecutiveFailures,
    String createdBy,
    Instant createdAt) {

  static AdminWebhookView of(WebhookSubscription s) {
    return new AdminWebhookView(
        s.id(),
        s.agencyCode(),
        s.url(),
        s.events(),
        s.isActive(),
        s.isDisabledByAdmin(),
        s.disabledReason(),
        s.consecutiveFailures(),
        s.createdBy(),
        s.createdAt());
  }
}
