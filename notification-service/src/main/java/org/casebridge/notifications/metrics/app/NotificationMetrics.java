package org.casebridge.notifications.metrics.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import org.casebridge.notifications.inapp.app.NotificationStream;
import org.casebridge.notifications.inapp.domain.Notification;
import org.casebridge.notifications.inapp.persistence.NotificationStore;
import org.casebridge.notifications.webhooks.persistence.WebhookStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's own meters, exposed with the JVM's, HTTP's and the pool's at {@code /prometheus}. Counters count what
 * this instance did; the queue gauges count the shared database, re-counted every
 * {@code casebridge.notifications.metrics.queue-refresh} so that a scrape never waits for the database.
 */
@Singleton
public class NotificationMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationMetrics.class);

    private final MeterRegistry meters;
    private final NotificationStore notifications;
    private final WebhookStore webhooks;
    private final AtomicLong mailQueue = new AtomicLong();
    private final AtomicLong webhookQueue = new AtomicLong();
    private final Counter eventsProcessed;
    private final Counter eventsDuplicate;
    private final Counter eventsDeadLettered;
    private final Counter mailsSent;
    private final Counter mailsFailed;
    private final Counter webhooksDelivered;
    private final Counter webhooksRetrying;
    private final Counter webhooksGivenUp;
    private final Counter webhooksDisabled;

    public NotificationMetrics(MeterRegistry meters, NotificationStore notifications, WebhookStore webhooks,
                               NotificationStream streams) {
        this.meters = meters;
        this.notifications = notifications;
        this.webhooks = webhooks;
        eventsProcessed = events("processed");
        eventsDuplicate = events("duplicate");
        eventsDeadLettered = events("dead_lettered");
        mailsSent = mails("sent");
        mailsFailed = mails("failed");
        webhooksDelivered = deliveries("delivered");
        webhooksRetrying = deliveries("retrying");
        webhooksGivenUp = deliveries("failed");
        webhooksDisabled = Counter.builder("casebridge.notifications.webhooks.disabled")
                .description("webhook endpoints disabled after repeated failure").register(meters);
        Gauge.builder("casebridge.notifications.mail.queue", mailQueue, AtomicLong::get)
                .description("mails waiting to be sent (first attempt or retry), digests not counted")
                .register(meters);
        Gauge.builder("casebridge.notifications.webhook.queue", webhookQueue, AtomicLong::get)
                .description("webhook deliveries waiting for an attempt").register(meters);
        Gauge.builder("casebridge.notifications.streams.open", streams, NotificationStream::openStreams)
                .description("live notification streams open on this instance").register(meters);
    }

    /** A domain event was handled and its transaction committed. */
    public void eventProcessed() {
        eventsProcessed.increment();
    }

    /** A domain event had been handled before and was skipped. */
    public void eventDuplicate() {
        eventsDuplicate.increment();
    }

    /** A record went to the dead-letter topic. */
    public void eventDeadLettered() {
        eventsDeadLettered.increment();
    }

    /** Notifications that were committed. */
    public void created(Collection<Notification> committed) {
        for (Notification notification : committed) {
            // Not ".created": Prometheus reserves the _created suffix of counters for their creation time.
            Counter.builder("casebridge.notifications.new").tag("type", notification.eventType())
                    .description("notifications created, by type").register(meters).increment();
        }
    }

    /** A mail (or a digest) was handed to the SMTP server. */
    public void mailSent() {
        mailsSent.increment();
    }

    /** An attempt to hand a mail to the SMTP server failed. */
    public void mailFailed() {
        mailsFailed.increment();
    }

    public void webhookDelivered() {
        webhooksDelivered.increment();
    }

    /** An attempt failed: retried later, or given up when {@code givenUp}. */
    public void webhookFailed(boolean givenUp) {
        (givenUp ? webhooksGivenUp : webhooksRetrying).increment();
    }

    public void webhookDisabled() {
        webhooksDisabled.increment();
    }

    @Scheduled(fixedDelay = "${casebridge.notifications.metrics.queue-refresh:15s}", initialDelay = "1s")
    void refreshQueues() {
        try {
            mailQueue.set(notifications.pendingEmails());
            webhookQueue.set(webhooks.pendingDeliveries());
        } catch (RuntimeException e) {
            LOG.debug("Queue gauges not refreshed: {}", e.getMessage());
        }
    }

    private Counter events(String outcome) {
        return Counter.builder("casebridge.notifications.events").tag("outcome", outcome)
                .description("domain events read from the node's events topic, by outcome").register(meters);
    }

    private Counter mails(String outcome) {
        return Counter.builder("casebridge.notifications.mails").tag("outcome", outcome)
                .description("attempts to send a mail over SMTP, by outcome").register(meters);
    }

    private Counter deliveries(String outcome) {
        return Counter.builder("casebridge.notifications.webhook.deliveries").tag("outcome", outcome)
                .description("webhook delivery attempts: delivered, failed and retrying, failed and given up")
                .register(meters);
    }
}
