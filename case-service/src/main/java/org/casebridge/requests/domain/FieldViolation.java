package org.casebridge.requests.domain;

import java.util.Objects;

/**
 * One invalid field, named by its path in the request as a client sent it, e.g. {@code items[2].address}.
 *
 * @param field   the field's path
 * @param message what is wrong with it
 */
public record FieldViolation(String field, String message) {

    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
