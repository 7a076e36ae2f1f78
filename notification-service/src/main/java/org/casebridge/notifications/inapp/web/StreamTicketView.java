package org.casebridge.notifications.inapp.web;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A single-use ticket for the event stream and the URL path that takes it. */
@Serdeable
public record StreamTicketView(String ticket, Instant expiresAt, String streamPath) {
}
