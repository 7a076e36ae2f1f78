package org.casebridge.notifications.inapp.app;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.casebridge.notifications.inapp.persistence.NotificationChannel;
import org.casebridge.notifications.inapp.persistence.NotificationStore;

/**
 * Feeds this instance's open streams from the notification channel: every committed notification, whichever instance
 * of the service created it, reaches the recipient's streams on every instance. The notification is read from the
 * database only where its recipient has a stream open.
 */
@Singleton
public class NotificationFanOut implements ApplicationEventListener<ServerStartupEvent> {

    private final NotificationChannel channel;
    private final NotificationStore store;
    private final NotificationStream stream;

    public NotificationFanOut(NotificationChannel channel, NotificationStore store, NotificationStream stream) {
        this.channel = channel;
        this.store = store;
        this.stream = stream;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        channel.listen(this::deliver);
    }

    void deliver(NotificationChannel.Announcement announcement) {
        if (stream.subscribers(announcement.recipient()) > 0) {
            store.find(announcement.notificationId()).ifPresent(stream::publish);
        }
    }
}
