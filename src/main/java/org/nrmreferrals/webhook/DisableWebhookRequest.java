package org.nrmreferrals.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an administrator disables a subscription: shown to its agency. */
public record DisableWebhookRequest(
    @NotBlank(message = "must say why the webhook is disabled")
        @Size(max = 500, message = "must be at most 500 characters")
        String reason) {}
