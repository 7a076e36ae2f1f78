package org.casebridge.notifications.inapp.app;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.casebridge.notifications.inapp.domain.Notification;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Live notifications for the console streams open on this instance, per user. It is fed by {@link NotificationFanOut}
 * with committed notifications of every instance; a stream that was not open misses nothing, because the list
 * endpoint has them all.
 */
@Singleton
public class NotificationStream {

    private final Map<String, Sinks.Many<Notification>> sinks = new ConcurrentHashMap<>();

    /** The user's notifications from now on. */
    public Flux<Notification> of(String username) {
        return sink(username).asFlux();
    }

    public void publish(Notification notification) {
        Sinks.Many<Notification> sink = sinks.get(notification.recipient());
        if (sink != null) {
            sink.emitNext(notification, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
        }
    }

    /** How many streams a user has open, for tests and metrics. */
    public int subscribers(String username) {
        Sinks.Many<Notification> sink = sinks.get(username);
        return sink == null ? 0 : sink.currentSubscriberCount();
    }

    /** How many streams are open on this instance, of all users. */
    public int openStreams() {
        return sinks.values().stream().mapToInt(Sinks.Many::currentSubscriberCount).sum();
    }

    private Sinks.Many<Notification> sink(String username) {
        return sinks.computeIfAbsent(username, name -> Sinks.many().multicast().directBestEffort());
    }
}
