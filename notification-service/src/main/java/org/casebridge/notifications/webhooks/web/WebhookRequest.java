package org.casebridge.notifications.webhooks.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A webhook to register.
 *
 * @param url         https endpoint that receives the POSTs
 * @param eventTypes  event types it receives; empty or absent for all
 * @param description what it is for, at most 200 characters
 */
@Serdeable
public record WebhookRequest(@Nullable String url, @Nullable List<String> eventTypes, @Nullable String description) {
}
