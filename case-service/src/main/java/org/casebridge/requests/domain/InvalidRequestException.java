package org.casebridge.requests.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Values that break the request rules, all reported at once so a client can correct them in one go (the API
 * answers 422 naming each field).
 */
public class InvalidRequestException extends RequestRuleException {

    /** The code of every invalid-fields refusal. */
    public static final String CODE = "INVALID_FIELDS";

    private final List<FieldViolation> violations;

    public InvalidRequestException(List<FieldViolation> violations) {
        super(CODE, violations.stream().map(v -> v.field() + ": " + v.message())
                .collect(Collectors.joining("; ")));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid request names at least one field");
        }
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /** Throws when {@code violations} is not empty. */
    public static void throwIfAny(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }
}
