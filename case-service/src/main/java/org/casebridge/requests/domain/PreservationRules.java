package org.casebridge.requests.domain;

import java.util.Objects;

/**
 * How a preservation may be extended and when its approaching lapse is announced.
 *
 * @param extendable    true when the requester may extend the preservation
 * @param maxExtension  the longest single extension; null when not extendable
 * @param maxExtensions how many extensions are allowed; null for no limit
 * @param warningLead   how long before the preservation lapses the requester is warned
 */
public record PreservationRules(boolean extendable, LegalPeriod maxExtension, Integer maxExtensions,
                                LegalPeriod warningLead) {

    public PreservationRules {
        Objects.requireNonNull(warningLead, "warningLead");
        if (extendable && maxExtension == null) {
            throw new IllegalArgumentException("an extendable preservation needs a maximum extension");
        }
        if (maxExtensions != null && maxExtensions < 0) {
            throw new IllegalArgumentException("maxExtensions must not be negative");
        }
    }

    /** True when one more extension is allowed after {@code used} extensions. */
    public boolean allowsAnotherExtension(int used) {
        return extendable && (maxExtensions == null || used < maxExtensions);
    }
}
