package org.casebridge.cases.domain;

/**
 * Whether a case may go to a partner, and if not, why, in words an officer understands.
 *
 * @param allowed whether the case may be shared
 * @param code    a stable reason code when refused ({@code SELF}, {@code MARKING_CEILING}, {@code RED_NOT_NAMED},
 *                {@code NOT_LEAD})
 * @param reason  the explanation when refused
 */
public record SharingDecision(boolean allowed, String code, String reason) {

    static SharingDecision allow() {
        return new SharingDecision(true, null, null);
    }

    static SharingDecision refuse(String code, String reason) {
        return new SharingDecision(false, code, reason);
    }
}
