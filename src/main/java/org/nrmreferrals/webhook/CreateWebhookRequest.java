package org.nrmreferrals.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A subscription to create. */
public record CreateWebhookRequest(
    @NotBlank(message = "is required")
        @Size(max = 2048, message = "must be at most 2048 characters")
        String url,
    @NotEmpty(message = "must name at least one event")
        @Size(max = 20, message = "must name at most 20 events")
        List<@NotNull(message = "must not be null") String> events) {}
