package org.casebridge.directory;

import java.util.Locale;
import java.util.Optional;

/**
 * Traffic Light Protocol 2.0 handling markings, ordered from least to most restrictive.
 *
 * <p>A partner's sharing ceiling is the most restrictive marking it may receive: content marked {@code m} may go to
 * a partner whose ceiling {@code permits(m)}.
 */
public enum HandlingMarking {
    CLEAR("TLP:CLEAR"),
    GREEN("TLP:GREEN"),
    AMBER("TLP:AMBER"),
    AMBER_STRICT("TLP:AMBER+STRICT"),
    RED("TLP:RED");

    private final String label;

    HandlingMarking(String label) {
        this.label = label;
    }

    /** The marking as TLP 2.0 writes it, e.g. {@code TLP:AMBER+STRICT}. */
    public String label() {
        return label;
    }

    /** True if this marking, taken as a ceiling, allows receiving content marked {@code marking}. */
    public boolean permits(HandlingMarking marking) {
        return marking.compareTo(this) <= 0;
    }

    /**
     * Reads a marking written as the enum name ({@code AMBER_STRICT}) or as TLP writes it ({@code TLP:AMBER+STRICT},
     * {@code AMBER+STRICT}), ignoring case.
     */
    public static Optional<HandlingMarking> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalised = text.trim().toUpperCase(Locale.ROOT);
        if (normalised.startsWith("TLP:")) {
            normalised = normalised.substring(4);
        }
        normalised = normalised.replace('+', '_');
        for (HandlingMarking marking : values()) {
            if (marking.name().equals(normalised)) {
                return Optional.of(marking);
            }
        }
        return Optional.empty();
    }
}
