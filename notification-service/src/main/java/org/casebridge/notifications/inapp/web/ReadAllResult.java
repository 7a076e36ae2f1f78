package org.casebridge.notifications.inapp.web;

import io.micronaut.serde.annotation.Serdeable;

/** How many notifications a read-all marked read. */
@Serdeable
public record ReadAllResult(int marked) {
}
