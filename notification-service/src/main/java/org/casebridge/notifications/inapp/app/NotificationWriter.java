package org.casebridge.notifications.inapp.app;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.UUID;
import org.casebridge.notifications.inapp.domain.Notification;
import org.casebridge.notifications.inapp.persistence.NotificationStore;
import org.casebridge.notifications.rules.domain.EmailMode;
import org.casebridge.notifications.rules.domain.EventFacts;
import org.casebridge.notifications.rules.domain.Recipient;

/** Creates a user's notification and queues its e-mail as the user chose, in the caller's transaction. */
@Singleton
public class NotificationWriter {

    private final NotificationStore store;
    private final Clock clock;

    public NotificationWriter(NotificationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The new notification, or null if the user already had one for this event. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Notification write(Recipient user, EmailMode emailMode, EventFacts event) {
        Notification notification = new Notification(UUID.randomUUID(), user.username(), event.eventId(),
                event.eventType(), event.subjectKind(), event.subjectId(), event.caseReference(),
                event.counterpartAgency(), event.title(), event.summary(), event.marking(), event.deadline(),
                event.occurredAt(), clock.instant(), null);
        return store.insert(notification, emailState(user, emailMode)) ? notification : null;
    }

    private static String emailState(Recipient user, EmailMode mode) {
        if (user.email() == null || user.email().isBlank()) {
            return "NONE";
        }
        return switch (mode) {
            case IMMEDIATE -> "PENDING";
            case DIGEST -> "DIGEST";
            case OFF -> "NONE";
        };
    }
}
