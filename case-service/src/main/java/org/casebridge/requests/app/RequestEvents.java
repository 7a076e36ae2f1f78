package org.casebridge.requests.app;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.casebridge.events.v1.DomainEventType;
import org.casebridge.events.v1.SubjectKind;
import org.casebridge.exchange.app.DomainEventPublisher;
import org.casebridge.messages.v1.HandlingMarking;
import org.casebridge.requests.domain.TrackedRequest;

/** Domain events about evidence requests, with what a notification needs: partner, case, deadline, a title. */
@Singleton
public class RequestEvents {

    private final DomainEventPublisher events;

    public RequestEvents(DomainEventPublisher events) {
        this.events = events;
    }

    /**
     * Publishes an event in the current transaction.
     *
     * @param deadline the deadline the event is about (or the request's next one); null if none
     * @param extra    details beyond the request's own (reference, direction, status, instrument, urgency)
     * @return the event id
     */
    public UUID publish(TrackedRequest tracked, DomainEventType type, String title, String actor, Instant deadline,
                        UUID messageId, Map<String, String> extra) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("reference", tracked.reference());
        details.put("direction", tracked.direction().name());
        details.put("status", tracked.request().status().name());
        details.put("instrument", tracked.request().instrumentCode());
        details.put("urgency", tracked.request().urgency().name());
        details.putAll(extra);
        var event = events.newEvent()
                .setEventType(type)
                .setSubjectKind(SubjectKind.EVIDENCE_REQUEST)
                .setSubjectId(tracked.id())
                .setCaseReference(tracked.caseReference())
                .setCounterpartAgency(tracked.counterpart())
                .setActor(actor)
                .setTitle(title)
                .setSummary(null)
                .setHandlingMarking(HandlingMarking.valueOf(tracked.marking().name()))
                .setDeadline(deadline)
                .setMessageId(messageId)
                .setDetails(new LinkedHashMap<>(details))
                .build();
        events.publish(event);
        return event.getEventId();
    }
}
