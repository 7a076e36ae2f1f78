package org.casebridge.security.domain;

/**
 * One thing wrong with a value a user gave.
 *
 * @param field   the input field, e.g. {@code email}
 * @param message what is wrong, in words an administrator can act on
 */
public record Violation(String field, String message) {
}
