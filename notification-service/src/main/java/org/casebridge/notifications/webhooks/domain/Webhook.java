package org.casebridge.notifications.webhooks.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An endpoint registered by an administrator to receive the node's events.
 *
 * @param eventTypes the types it receives; empty for all
 * @param secret     the HMAC key of its signatures; shown once, at registration
 */
public record Webhook(UUID id, String url, String secret, List<String> eventTypes, String description,
                      boolean enabled, int consecutiveFailures, Instant disabledAt, String disabledReason,
                      String createdBy, Instant createdAt) {

    public Webhook {
        eventTypes = List.copyOf(eventTypes);
    }

    public boolean wants(String eventType) {
        return enabled && (eventTypes.isEmpty() || eventTypes.contains(eventType));
    }
}
