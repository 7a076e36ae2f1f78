package org.casebridge.notifications.webhooks.domain;

import java.time.Instant;
import java.util.UUID;

/** One event to one endpoint, with its attempts so far. */
public record WebhookDelivery(UUID id, UUID webhookId, UUID eventId, String eventType, String payload, String status,
                              int attempts, Instant nextAt, Integer lastStatus, String lastError, Instant createdAt,
                              Instant deliveredAt) {
}
