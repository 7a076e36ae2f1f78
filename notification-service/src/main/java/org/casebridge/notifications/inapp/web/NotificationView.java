package org.casebridge.notifications.inapp.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;
import org.casebridge.notifications.inapp.domain.Notification;

/** A notification as the console shows it (in the list and on the event stream). */
@Serdeable
public record NotificationView(UUID id, UUID eventId, String eventType, String subjectKind, UUID subjectId,
                               @Nullable String caseReference, @Nullable String counterpartAgency, String title,
                               @Nullable String summary, String handlingMarking, @Nullable Instant deadline,
                               Instant occurredAt, Instant createdAt, boolean read, @Nullable Instant readAt) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.eventId(), n.eventType(), n.subjectKind(), n.subjectId(),
                n.caseReference(), n.counterpartAgency(), n.title(), n.summary(), n.marking(), n.deadline(),
                n.occurredAt(), n.createdAt(), !n.unread(), n.readAt());
    }
}
