package org.casebridge.security.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The minimum a password must meet. Length is what matters most (NIST SP 800-63B); composition rules are not
 * imposed. The upper bound keeps a single login from costing unbounded hashing work.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /**
     * What is wrong with {@code password} for the user {@code username}; empty if it is acceptable.
     */
    public static List<String> violations(String username, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add("is required");
            return problems;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            problems.add("must have at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            problems.add("must have at most " + MAX_LENGTH + " characters");
        }
        if (password.isBlank()) {
            problems.add("must not be only whitespace");
        } else if (password.codePoints().distinct().count() == 1) {
            problems.add("must not repeat a single character");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("must not contain the username");
        }
        return problems;
    }
}
