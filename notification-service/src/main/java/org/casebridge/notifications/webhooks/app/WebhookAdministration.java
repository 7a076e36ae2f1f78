package org.casebridge.notifications.webhooks.app;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.casebridge.notifications.audit.persistence.AuditLog;
import org.casebridge.notifications.rules.domain.NotificationTypes;
import org.casebridge.notifications.webhooks.domain.Webhook;
import org.casebridge.notifications.webhooks.domain.WebhookUrlRules;
import org.casebridge.notifications.webhooks.persistence.WebhookStore;
import org.casebridge.support.problem.ProblemDetail;
import org.casebridge.support.problem.ProblemException;

/** Registers and removes webhooks; every change is audited. */
@Singleton
public class WebhookAdministration {

    static final int MAX_DESCRIPTION = 200;

    private final WebhookStore store;
    private final WebhookSettings settings;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public WebhookAdministration(WebhookStore store, WebhookSettings settings, AuditLog audit, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Registers a webhook with a fresh secret.
     *
     * @throws ProblemException naming every invalid field
     */
    @Transactional
    public Webhook register(String url, List<String> eventTypes, String description, String admin) {
        List<ProblemDetail.FieldError> errors = new ArrayList<>();
        WebhookUrlRules.problem(url, settings.isAllowHttp())
                .ifPresent(problem -> errors.add(new ProblemDetail.FieldError("url", problem)));
        List<String> types = eventTypes == null ? List.of() : eventTypes;
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i) == null || !NotificationTypes.EVENT_TYPES.contains(types.get(i))) {
                errors.add(new ProblemDetail.FieldError("eventTypes[" + i + "]", "unknown event type"));
            }
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(new ProblemDetail.FieldError("description", "must be at most " + MAX_DESCRIPTION
                    + " characters"));
        }
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + ": " + e.message())
                    .reduce((a, b) -> a + "; " + b).orElse("");
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "VALIDATION_FAILED", detail, errors);
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        Webhook webhook = new Webhook(UUID.randomUUID(), url, "whsec_" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(secret), List.copyOf(new LinkedHashSet<>(types)), description, true, 0, null, null,
                admin, clock.instant());
        store.insert(webhook);
        audit.record(admin, "WEBHOOK_REGISTERED", "webhook " + webhook.id(), url);
        return webhook;
    }

    @Transactional
    public void delete(UUID id, String admin) {
        if (!store.delete(id)) {
            throw ProblemException.notFound("webhook " + id);
        }
        audit.record(admin, "WEBHOOK_DELETED", "webhook " + id, null);
    }
}
