package org.casebridge.notifications.events.app;

import java.util.List;
import org.casebridge.notifications.inapp.domain.Notification;

/**
 * What handling an event did.
 *
 * @param duplicate     the event had been handled before and was skipped
 * @param notifications the notifications created, to push to open streams once committed
 * @param webhooks      webhook deliveries queued
 */
public record EventOutcome(boolean duplicate, List<Notification> notifications, int webhooks) {
}
