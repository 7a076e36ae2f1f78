package org.casebridge.notifications.inapp.domain;

import java.time.Instant;
import java.util.UUID;

/** One notification of one user about one event. {@code readAt} is null while unread. */
public record Notification(UUID id, String recipient, UUID eventId, String eventType, String subjectKind,
                           UUID subjectId, String caseReference, String counterpartAgency, String title,
                           String summary, String marking, Instant deadline, Instant occurredAt, Instant createdAt,
                           Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
