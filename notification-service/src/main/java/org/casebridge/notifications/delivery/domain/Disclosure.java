package org.casebridge.notifications.delivery.domain;

import java.util.Locale;

/**
 * How much of a notification may leave the node by e-mail or webhook, decided by the subject's handling marking
 * (TLP 2.0). In-app notifications stay on the node and always show everything.
 */
public enum Disclosure {
    /** CLEAR and GREEN: title, summary, case reference, partner and deadline. */
    FULL,
    /** AMBER: title, case reference and deadline, but no summary, partner or event details. */
    LIMITED,
    /**
     * AMBER+STRICT and RED, and any marking this service does not recognise: only that there is a notification and a
     * link to the console; no title, no type, no reference.
     */
    MINIMAL;

    public static Disclosure forMarking(String marking) {
        if (marking == null) {
            return MINIMAL;
        }
        return switch (marking.trim().toUpperCase(Locale.ROOT).replace('_', '+')) {
            case "CLEAR", "GREEN" -> FULL;
            case "AMBER" -> LIMITED;
            default -> MINIMAL;
        };
    }
}
