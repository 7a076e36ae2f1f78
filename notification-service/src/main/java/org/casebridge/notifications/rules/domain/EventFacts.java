package org.casebridge.notifications.rules.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What the notification rules and channels need to know about one domain event of the node, free of the wire format.
 *
 * @param eventType   a {@link NotificationTypes} name; types this service does not know arrive as {@code UNKNOWN}
 * @param actor       the local user who caused the event (user id or username), or null
 * @param marking     the handling marking label, e.g. {@code AMBER+STRICT}
 */
public record EventFacts(UUID eventId, String eventType, Instant occurredAt, String agency, String subjectKind,
                         UUID subjectId, String caseReference, String counterpartAgency, String actor, String title,
                         String summary, String marking, Instant deadline, UUID messageId, Map<String, String> details) {

    public EventFacts {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(subjectKind, "subjectKind");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(marking, "marking");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("an event needs a title");
        }
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
