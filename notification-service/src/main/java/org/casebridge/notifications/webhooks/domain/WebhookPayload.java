package org.casebridge.notifications.webhooks.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import org.casebridge.notifications.delivery.domain.Disclosure;
import org.casebridge.notifications.rules.domain.EventFacts;

/**
 * The JSON object a webhook receives for an event, cut to what the event's handling marking lets leave the node
 * (see {@link Disclosure}).
 */
public final class WebhookPayload {

    private WebhookPayload() {
    }

    public static Map<String, Object> of(EventFacts event, String consoleUrl) {
        Disclosure disclosure = Disclosure.forMarking(event.marking());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("eventId", event.eventId().toString());
        payload.put("occurredAt", event.occurredAt().toString());
        payload.put("agency", event.agency());
        payload.put("handlingMarking", event.marking());
        payload.put("disclosure", disclosure.name());
        payload.put("consoleUrl", consoleUrl);
        if (disclosure == Disclosure.MINIMAL) {
            payload.put("message", "You have a new notification; open the console to read it.");
            return payload;
        }
        payload.put("eventType", event.eventType());
        payload.put("subjectKind", event.subjectKind());
        payload.put("subjectId", event.subjectId().toString());
        putIfPresent(payload, "caseReference", event.caseReference());
        payload.put("title", event.title());
        if (event.deadline() != null) {
            payload.put("deadline", event.deadline().toString());
        }
        if (disclosure == Disclosure.FULL) {
            putIfPresent(payload, "summary", event.summary());
            putIfPresent(payload, "counterpartAgency", event.counterpartAgency());
            payload.put("details", new LinkedHashMap<>(event.details()));
        }
        return payload;
    }

    private static void putIfPresent(Map<String, Object> payload, String key, String value) {
        if (value != null) {
            payload.put(key, value);
        }
    }
}
