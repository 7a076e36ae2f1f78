package org.casebridge.notifications.webhooks.app;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.casebridge.notifications.audit.persistence.AuditLog;
import org.casebridge.notifications.inapp.app.NotificationWriter;
import org.casebridge.notifications.inapp.domain.Notification;
import org.casebridge.notifications.metrics.app.NotificationMetrics;
import org.casebridge.notifications.rules.domain.EventFacts;
import org.casebridge.notifications.rules.domain.NotificationRules;
import org.casebridge.notifications.rules.domain.NotificationTypes;
import org.casebridge.notifications.rules.domain.Recipient;
import org.casebridge.notifications.rules.domain.UserPreferences;
import org.casebridge.notifications.rules.persistence.PreferenceStore;
import org.casebridge.notifications.users.persistence.DirectoryUsers;
import org.casebridge.notifications.webhooks.domain.RetrySchedule;
import org.casebridge.notifications.webhooks.domain.Webhook;
import org.casebridge.notifications.webhooks.domain.WebhookDelivery;
import org.casebridge.notifications.webhooks.domain.WebhookSignature;
import org.casebridge.notifications.webhooks.persistence.WebhookStore;
import org.casebridge.support.agency.AgencyConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers queued webhook calls: a signed POST per event and endpoint, retried with exponential backoff. An endpoint
 * that fails the configured number of attempts in a row is disabled and the node's administrators are notified.
 * Every attempt is logged and kept on the delivery.
 */
@Singleton
public class WebhookDispatcher {

    /** Header naming the delivery, the same on every retry, so receivers can drop repeats. */
    public static final String DELIVERY_HEADER = "CaseBridge-Delivery";
    /** Header naming the event. */
    public static final String EVENT_HEADER = "CaseBridge-Event";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 50;

    private final WebhookStore store;
    private final WebhookSettings settings;
    private final RetrySchedule retries;
    private final DirectoryUsers users;
    private final PreferenceStore preferences;
    private final NotificationWriter writer;
    private final NotificationMetrics metrics;
    private final AuditLog audit;
    private final String agencyCode;
    private final Clock clock;
    private final HttpClient http;
    private final TransactionOperations<Connection> transactions;

    public WebhookDispatcher(WebhookStore store, WebhookSettings settings, DirectoryUsers users,
                             PreferenceStore preferences, NotificationWriter writer, NotificationMetrics metrics,
                             AuditLog audit, AgencyConfiguration agency, Clock clock,
                             TransactionOperations<Connection> transactions) {
        this.store = store;
        this.transactions = transactions;
        this.settings = settings;
        this.retries = settings.retrySchedule();
        this.users = users;
        this.preferences = preferences;
        this.writer = writer;
        this.metrics = metrics;
        this.audit = audit;
        this.agencyCode = agency.getCode();
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.getTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(fixedDelay = "${casebridge.notifications.webhooks.poll-interval:1s}", initialDelay = "2s")
    void scheduled() {
        try {
            // Streams hear of the administrators' notifications through the notification channel.
            metrics.created(deliverDue());
        } catch (RuntimeException e) {
            LOG.warn("Webhook round failed: {}", e.getMessage());
        }
    }

    /**
     * Attempts every delivery that is due, each in its own short transaction, so a slow receiver holds one row lock
     * and one connection, not a whole batch.
     *
     * @return notifications raised for administrators (endpoints disabled), committed
     */
    public List<Notification> deliverDue() {
        List<Notification> raised = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            Optional<List<Notification>> round = transactions.executeWrite(status -> deliverNext());
            if (round.isEmpty()) {
                break;
            }
            raised.addAll(round.get());
        }
        return raised;
    }

    /** Attempts the next due delivery; empty when none is due. */
    private Optional<List<Notification>> deliverNext() {
        List<WebhookDelivery> due = store.lockDue(clock.instant(), 1);
        if (due.isEmpty()) {
            return Optional.empty();
        }
        WebhookDelivery delivery = due.get(0);
        Optional<Webhook> webhook = store.lock(delivery.webhookId());
        if (webhook.isEmpty() || !webhook.get().enabled()) {
            return Optional.of(List.of());
        }
        Attempt attempt = attempt(webhook.get(), delivery);
        if (attempt.succeeded()) {
            store.delivered(delivery.id(), attempt.status(), clock.instant());
            store.recordSuccess(webhook.get().id());
            metrics.webhookDelivered();
            LOG.info("Webhook {} delivery {} of event {}: {} after {} attempt(s)", webhook.get().id(),
                    delivery.id(), delivery.eventId(), attempt.status(), delivery.attempts() + 1);
            return Optional.of(List.of());
        }
        int failed = delivery.attempts() + 1;
        Instant next = retries.retriesAfter(failed) ? clock.instant().plus(retries.delayAfter(failed)) : null;
        store.attemptFailed(delivery.id(), attempt.status(), attempt.error(), next);
        int consecutive = store.recordFailure(webhook.get().id());
        metrics.webhookFailed(next == null);
        LOG.warn("Webhook {} delivery {} attempt {} failed: {}{}", webhook.get().id(), delivery.id(), failed,
                attempt.error(), next == null ? "; given up" : "; next attempt at " + next);
        if (consecutive >= settings.getDisableAfter()) {
            return Optional.of(disable(webhook.get(), consecutive, attempt.error()));
        }
        return Optional.of(List.of());
    }

    private Attempt attempt(Webhook webhook, WebhookDelivery delivery) {
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        long now = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url()))
                .timeout(settings.getTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "CaseBridge-Webhooks/1 (" + agencyCode + ")")
                .header(WebhookSignature.HEADER, WebhookSignature.header(webhook.secret(), now, body))
                .header(DELIVERY_HEADER, delivery.id().toString())
                .header(EVENT_HEADER, delivery.eventId().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Attempt(status >= 200 && status < 300, status, status >= 300 ? "HTTP " + status : null);
        } catch (IOException e) {
            return new Attempt(false, null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(false, null, "interrupted");
        }
    }

    private List<Notification> disable(Webhook webhook, int failures, String lastError) {
        String reason = failures + " consecutive failed attempts; last: " + lastError;
        store.disable(webhook.id(), reason, clock.instant());
        metrics.webhookDisabled();
        LOG.warn("Webhook {} ({}) disabled after {}", webhook.id(), webhook.url(), reason);
        String host = URI.create(webhook.url()).getHost();
        EventFacts event = new EventFacts(UUID.randomUUID(), NotificationTypes.WEBHOOK_DISABLED, clock.instant(),
                agencyCode, "WEBHOOK", webhook.id(), null, null, null, "Webhook to " + host + " disabled",
                "The webhook " + webhook.url() + " was disabled after " + reason
                        + ". Register it again once the receiver works.", "GREEN", null, null, Map.of());
        List<Notification> raised = new ArrayList<>();
        for (Recipient user : users.all()) {
            UserPreferences prefs = preferences.of(user.username());
            if (NotificationRules.notifies(user, prefs, event)) {
                Notification notification = writer.write(user, prefs.emailMode(), event);
                if (notification != null) {
                    raised.add(notification);
                }
            }
        }
        audit.record(AuditLog.SYSTEM, "WEBHOOK_DISABLED", "webhook " + webhook.id(), reason);
        return raised;
    }

    private record Attempt(boolean succeeded, Integer status, String error) {
    }
}
