package org.casebridge.notifications.webhooks.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.casebridge.notifications.webhooks.app.WebhookAdministration;
import org.casebridge.notifications.webhooks.domain.Webhook;
import org.casebridge.notifications.webhooks.persistence.WebhookStore;
import org.casebridge.support.problem.ProblemException;

/** Webhook endpoints of the node; administrators only. */
@Controller("/api/v1/webhooks")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
public class WebhookController {

    private final WebhookAdministration administration;
    private final WebhookStore store;

    public WebhookController(WebhookAdministration administration, WebhookStore store) {
        this.administration = administration;
        this.store = store;
    }

    /** Registers a webhook; the answer carries its signing secret, the only time it is shown. */
    @Post
    public HttpResponse<WebhookView> register(Authentication admin, @Body @Nullable WebhookRequest request) {
        if (request == null) {
            throw ProblemException.invalidField("url", "is required");
        }
        Webhook webhook = administration.register(request.url(), request.eventTypes(), request.description(),
                admin.getName());
        return HttpResponse.created(WebhookView.of(webhook, true), URI.create("/api/v1/webhooks/" + webhook.id()));
    }

    @Get
    public List<WebhookView> list() {
        return store.list().stream().map(w -> WebhookView.of(w, false)).toList();
    }

    @Get("/{id}")
    public WebhookView get(@PathVariable String id) {
        UUID webhookId = uuid(id);
        return store.find(webhookId).map(w -> WebhookView.of(w, false))
                .orElseThrow(() -> ProblemException.notFound("webhook " + webhookId));
    }

    /** The delivery log, newest first. */
    @Get("/{id}/deliveries")
    public List<DeliveryView> deliveries(@PathVariable String id) {
        UUID webhookId = uuid(id);
        store.find(webhookId).orElseThrow(() -> ProblemException.notFound("webhook " + webhookId));
        return store.deliveries(webhookId, 100).stream().map(DeliveryView::of).toList();
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    public void delete(Authentication admin, @PathVariable String id) {
        administration.delete(uuid(id), admin.getName());
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("id", "must be a UUID");
        }
    }
}
