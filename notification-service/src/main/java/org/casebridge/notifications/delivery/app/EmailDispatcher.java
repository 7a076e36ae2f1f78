package org.casebridge.notifications.delivery.app;

import io.micronaut.email.Email;
import io.micronaut.email.EmailSender;
import io.micronaut.email.MultipartBody;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casebridge.notifications.config.NotificationSettings;
import org.casebridge.notifications.delivery.domain.MailComposer;
import org.casebridge.notifications.delivery.domain.MailMessage;
import org.casebridge.notifications.delivery.domain.NotificationContent;
import org.casebridge.notifications.inapp.domain.Notification;
import org.casebridge.notifications.inapp.persistence.NotificationStore;
import org.casebridge.notifications.metrics.app.NotificationMetrics;
import org.casebridge.notifications.rules.domain.Recipient;
import org.casebridge.notifications.users.persistence.DirectoryUsers;
import org.casebridge.notifications.webhooks.domain.RetrySchedule;
import org.casebridge.support.agency.AgencyConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the e-mails of committed notifications over SMTP: one per notification for users who want them at once, one
 * digest a day for users who chose the digest. A failed send is retried with backoff and given up after the
 * configured attempts; rows are locked while sent, so several instances never send the same mail twice.
 */
@Singleton
public class EmailDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EmailDispatcher.class);
    private static final int BATCH = 50;

    private final NotificationStore store;
    private final DirectoryUsers users;
    private final EmailSender<?, ?> sender;
    private final EmailSettings settings;
    private final NotificationSettings notificationSettings;
    private final MailComposer composer;
    private final RetrySchedule retries;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;
    private final NotificationMetrics metrics;

    public EmailDispatcher(NotificationStore store, DirectoryUsers users, EmailSender<?, ?> sender,
                           EmailSettings settings, NotificationSettings notificationSettings,
                           AgencyConfiguration agency, Clock clock, TransactionOperations<Connection> transactions,
                           NotificationMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
        this.transactions = transactions;
        this.users = users;
        this.sender = sender;
        this.settings = settings;
        this.notificationSettings = notificationSettings;
        this.composer = new MailComposer(agency.getCode(), notificationSettings.getConsoleUrl());
        this.retries = new RetrySchedule(settings.getRetryInitial(), settings.getRetryInitial().multipliedBy(64),
                settings.getMaxAttempts());
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${casebridge.notifications.email.poll-interval:2s}", initialDelay = "2s")
    void scheduled() {
        if (!settings.isEnabled()) {
            return;
        }
        try {
            sendDue();
        } catch (RuntimeException e) {
            LOG.warn("E-mail round failed: {}", e.getMessage());
        }
    }

    /**
     * Sends the mails that are due now, each in its own short transaction, so a slow SMTP server holds one row lock
     * and one connection at a time.
     *
     * @return how many were sent
     */
    public int sendDue() {
        int sent = 0;
        for (int i = 0; i < BATCH; i++) {
            Optional<Boolean> outcome = transactions.executeWrite(status -> sendNext());
            if (outcome.isEmpty()) {
                break;
            }
            if (outcome.get()) {
                sent++;
            }
        }
        return sent;
    }

    /** Sends the next due mail: empty when none is due, else whether it went out. */
    private Optional<Boolean> sendNext() {
        List<Notification> due = store.lockDueEmails(clock.instant(), 1);
        if (due.isEmpty()) {
            return Optional.empty();
        }
        Notification notification = due.get(0);
        Optional<Recipient> user = users.find(notification.recipient());
        if (user.isEmpty() || user.get().email() == null) {
            store.emailFailed(notification.id(), "the user has no e-mail address in the directory", null);
            return Optional.of(false);
        }
        MailMessage mail = composer.single(user.get().displayName(), content(notification));
        try {
            send(user.get(), mail);
            store.emailSent(List.of(notification.id()));
            return Optional.of(true);
        } catch (RuntimeException e) {
            int failed = store.emailAttempts(notification.id()) + 1;
            Instant next = retries.retriesAfter(failed) ? clock.instant().plus(retries.delayAfter(failed)) : null;
            store.emailFailed(notification.id(), e.getMessage(), next);
            LOG.warn("E-mail of notification {} to {} failed (attempt {}): {}", notification.id(),
                    notification.recipient(), failed, e.getMessage());
            return Optional.of(false);
        }
    }

    @Scheduled(cron = "${casebridge.notifications.email.digest-cron:0 0 7 * * *}")
    void scheduledDigest() {
        if (!settings.isEnabled()) {
            return;
        }
        try {
            sendDigests();
        } catch (RuntimeException e) {
            LOG.warn("Digest round failed: {}", e.getMessage());
        }
    }

    /**
     * Sends each user who chose the digest one mail with their notifications since the last digest.
     *
     * @return how many digests were sent
     */
    @Transactional
    public int sendDigests() {
        Map<String, List<Notification>> byUser = new LinkedHashMap<>();
        for (Notification notification : store.lockDigestEmails()) {
            byUser.computeIfAbsent(notification.recipient(), k -> new ArrayList<>()).add(notification);
        }
        int sent = 0;
        for (Map.Entry<String, List<Notification>> entry : byUser.entrySet()) {
            Optional<Recipient> user = users.find(entry.getKey());
            if (user.isEmpty() || user.get().email() == null) {
                continue;
            }
            MailMessage mail = composer.digest(user.get().displayName(),
                    entry.getValue().stream().map(this::content).toList());
            try {
                send(user.get(), mail);
                store.emailSent(entry.getValue().stream().map(Notification::id).toList());
                sent++;
            } catch (RuntimeException e) {
                LOG.warn("Digest to {} failed; it stays queued for the next one: {}", entry.getKey(), e.getMessage());
            }
        }
        return sent;
    }

    private void send(Recipient user, MailMessage mail) {
        try {
            sender.send(Email.builder()
                    .from(settings.getFrom())
                    .to(user.email())
                    .subject(mail.subject())
                    .body(new MultipartBody(mail.html(), mail.text())));
        } catch (RuntimeException e) {
            metrics.mailFailed();
            throw e;
        }
        metrics.mailSent();
    }

    private NotificationContent content(Notification n) {
        return new NotificationContent(n.id(), n.eventType(), n.title(), n.summary(), n.caseReference(),
                n.counterpartAgency(), n.deadline(), n.occurredAt(), n.marking(), notificationSettings.linkTo(n.id()));
    }
}
