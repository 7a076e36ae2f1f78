package org.casebridge.notifications.events.app;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casebridge.notifications.config.NotificationSettings;
import org.casebridge.notifications.inapp.app.NotificationWriter;
import org.casebridge.notifications.inapp.domain.Notification;
import org.casebridge.notifications.rules.domain.EventFacts;
import org.casebridge.notifications.rules.domain.NotificationRules;
import org.casebridge.notifications.rules.domain.Recipient;
import org.casebridge.notifications.rules.domain.UserPreferences;
import org.casebridge.notifications.rules.persistence.PreferenceStore;
import org.casebridge.notifications.users.app.UserDirectorySync;
import org.casebridge.notifications.webhooks.domain.Webhook;
import org.casebridge.notifications.webhooks.domain.WebhookPayload;
import org.casebridge.notifications.webhooks.persistence.WebhookStore;

/**
 * Turns one domain event into notifications, e-mails and webhook deliveries, in one transaction together with the
 * record that the event was handled: an event handled twice notifies once, and an event whose transaction failed is
 * handled again from the start.
 */
@Singleton
public class EventProcessor {

    private final JdbcOperations jdbc;
    private final UserDirectorySync directory;
    private final PreferenceStore preferences;
    private final NotificationWriter writer;
    private final WebhookStore webhooks;
    private final NotificationSettings settings;
    private final JsonMapper json;
    private final Clock clock;

    public EventProcessor(JdbcOperations jdbc, UserDirectorySync directory, PreferenceStore preferences,
                          NotificationWriter writer, WebhookStore webhooks, NotificationSettings settings,
                          JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.preferences = preferences;
        this.writer = writer;
        this.webhooks = webhooks;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Handles the event unless it was handled before.
     *
     * @throws IllegalStateException if the node's user directory was never loaded (the event is retried later)
     */
    @Transactional
    public EventOutcome process(EventFacts event) {
        if (!markProcessed(event)) {
            return new EventOutcome(true, List.of(), 0);
        }
        List<Recipient> users = directory.users();
        Map<String, UserPreferences> choices = preferences.forEvent(event.subjectId());
        List<Notification> created = new ArrayList<>();
        for (Recipient user : users) {
            UserPreferences prefs = choices.getOrDefault(user.username(), UserPreferences.DEFAULTS);
            if (NotificationRules.startsFollowing(user, prefs, event)) {
                preferences.setFollow(user.username(), event.subjectId(), true, false, event.caseReference(),
                        clock.instant());
            }
            if (NotificationRules.notifies(user, prefs, event)) {
                Notification notification = writer.write(user, prefs.emailMode(), event);
                if (notification != null) {
                    created.add(notification);
                }
            }
        }
        int queued = 0;
        List<Webhook> endpoints = webhooks.enabled().stream().filter(w -> w.wants(event.eventType())).toList();
        if (!endpoints.isEmpty()) {
            String payload = payload(event);
            for (Webhook endpoint : endpoints) {
                if (webhooks.queue(endpoint.id(), event.eventId(), event.eventType(), payload, clock.instant())) {
                    queued++;
                }
            }
        }
        return new EventOutcome(false, created, queued);
    }

    private boolean markProcessed(EventFacts event) {
        return jdbc.prepareStatement("INSERT INTO processed_event (event_id, event_type) VALUES (?, ?)"
                + " ON CONFLICT (event_id) DO NOTHING", s -> {
                    s.setObject(1, event.eventId());
                    s.setString(2, event.eventType());
                    return s.executeUpdate() == 1;
                });
    }

    private String payload(EventFacts event) {
        try {
            return json.writeValueAsString(WebhookPayload.of(event, settings.getConsoleUrl() + "/notifications"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
