package org.casebridge.notifications.webhooks.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;
import org.casebridge.notifications.webhooks.domain.WebhookDelivery;

/** One entry of a webhook's delivery log. */
@Serdeable
public record DeliveryView(UUID id, UUID eventId, String eventType, String status, int attempts,
                           @Nullable Instant nextAttemptAt, @Nullable Integer lastStatus, @Nullable String lastError,
                           Instant createdAt, @Nullable Instant deliveredAt) {

    static DeliveryView of(WebhookDelivery d) {
        return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.status(), d.attempts(),
                d.status().equals("PENDING") ? d.nextAt() : null, d.lastStatus(), d.lastError(), d.createdAt(),
                d.deliveredAt());
    }
}
