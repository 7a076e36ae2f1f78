package org.casebridge.schema;

import java.util.regex.Pattern;

/**
 * Agency codes such as {@code DE-BKA} or {@code NL-NHTC}: uppercase letters and digits in groups joined by single
 * hyphens, 2 to 24 characters in all. The code names an agency in envelopes, topics and the partner directory.
 */
public final class AgencyCodes {

    /** The syntax of an agency code (length is checked separately). */
    public static final Pattern PATTERN = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");

    /** Shortest allowed code. */
    public static final int MIN_LENGTH = 2;

    /** Longest allowed code. */
    public static final int MAX_LENGTH = 24;

    private AgencyCodes() {
    }

    /** Whether the text is a well-formed agency code. */
    public static boolean isValid(String code) {
        return code != null && code.length() >= MIN_LENGTH && code.length() <= MAX_LENGTH
                && PATTERN.matcher(code).matches();
    }

    /**
     * Returns the code if it is well formed.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static String requireValid(String code) {
        if (!isValid(code)) {
            throw new IllegalArgumentException("not an agency code (like DE-BKA): " + code);
        }
        return code;
    }
}
