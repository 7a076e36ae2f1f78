package org.casebridge.notifications.webhooks.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.casebridge.notifications.webhooks.domain.Webhook;

/**
 * A registered webhook. {@code secret} is present only in the answer to the registration: store it then.
 */
@Serdeable
public record WebhookView(UUID id, String url, List<String> eventTypes, @Nullable String description, boolean enabled,
                          int consecutiveFailures, @Nullable Instant disabledAt, @Nullable String disabledReason,
                          String createdBy, Instant createdAt, @Nullable String secret) {

    static WebhookView of(Webhook w, boolean withSecret) {
        return new WebhookView(w.id(), w.url(), w.eventTypes(), w.description(), w.enabled(), w.consecutiveFailures(),
                w.disabledAt(), w.disabledReason(), w.createdBy(), w.createdAt(), withSecret ? w.secret() : null);
    }
}
