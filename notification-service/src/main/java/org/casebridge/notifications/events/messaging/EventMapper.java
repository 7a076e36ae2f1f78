package org.casebridge.notifications.events.messaging;

import java.util.HashMap;
import java.util.Map;
import org.casebridge.events.v1.DomainEvent;
import org.casebridge.messages.v1.HandlingMarking;
import org.casebridge.notifications.rules.domain.EventFacts;

/** Maps the contract's {@link DomainEvent} to the service's {@link EventFacts}. */
final class EventMapper {

    private EventMapper() {
    }

    /**
     * @throws IllegalArgumentException if the event lacks what a notification needs (e.g. a title)
     */
    static EventFacts toFacts(DomainEvent event) {
        Map<String, String> details = new HashMap<>();
        if (event.getDetails() != null) {
            event.getDetails().forEach((key, value) -> {
                if (key != null && value != null) {
                    details.put(key, value);
                }
            });
        }
        return new EventFacts(event.getEventId(), event.getEventType().name(), event.getOccurredAt(),
                text(event.getAgency()), event.getSubjectKind().name(), event.getSubjectId(),
                text(event.getCaseReference()), text(event.getCounterpartAgency()), text(event.getActor()),
                text(event.getTitle()), text(event.getSummary()), label(event.getHandlingMarking()),
                event.getDeadline(), event.getMessageId(), details);
    }

    /** The TLP label: AMBER_STRICT is written AMBER+STRICT. */
    static String label(HandlingMarking marking) {
        return marking == null ? "RED" : marking.name().replace('_', '+');
    }

    private static String text(CharSequence value) {
        return value == null ? null : value.toString();
    }
}
