package org.casebridge.notifications.delivery.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification as the outbound channels render it.
 *
 * @param consoleLink where in the console the recipient opens it
 */
public record NotificationContent(UUID id, String eventType, String title, String summary, String caseReference,
                                  String counterpartAgency, Instant deadline, Instant occurredAt, String marking,
                                  String consoleLink) {

    public Disclosure disclosure() {
        return Disclosure.forMarking(marking);
    }
}
