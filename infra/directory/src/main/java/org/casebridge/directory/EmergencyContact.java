package org.casebridge.directory;

import java.util.Objects;

/**
 * An agency's 24/7 point of contact, for when a partner must reach a person rather than a topic (an emergency
 * request, a key compromise).
 *
 * @param desk  who answers, e.g. the 24/7 network point of contact
 * @param phone international format, starting with {@code +}
 * @param email address monitored around the clock
 */
public record EmergencyContact(String desk, String phone, String email) {

    public EmergencyContact {
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(email, "email");
    }
}
