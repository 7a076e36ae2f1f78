package org.casebridge.requests.domain;

import java.util.Objects;
import java.util.Set;

/**
 * One clock of an instrument: the milestone it runs to, how long it runs and the requests it applies to.
 *
 * <p>An instrument lists its rules in order; for each milestone the first rule whose conditions the request meets
 * applies, so specific rules (emergency, directly accessible) come before the general one.
 *
 * @param milestone        what must happen by the deadline
 * @param period           how long the clock runs; null when the limit is agreed per request
 * @param agreedPerRequest true when no legal limit exists and the agencies agree a due date for each request
 * @param anchor           when the clock starts
 * @param urgencies        the urgencies this rule applies to; empty means any
 * @param accessibilities  the data accessibilities this rule applies to; empty means any
 */
public record ClockRule(Milestone milestone, LegalPeriod period, boolean agreedPerRequest, ClockAnchor anchor,
                        Set<Urgency> urgencies, Set<DataAccessibility> accessibilities) {

    public ClockRule {
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(anchor, "anchor");
        urgencies = Set.copyOf(urgencies);
        accessibilities = Set.copyOf(accessibilities);
        if (agreedPerRequest == (period != null)) {
            throw new IllegalArgumentException("a " + milestone
                    + " clock needs either a period or agreedPerRequest, not both or neither");
        }
    }

    /** A rule with a fixed period, counted from receipt, for every request. */
    public static ClockRule fixed(Milestone milestone, String period) {
        return new ClockRule(milestone, LegalPeriod.parse(period), false, ClockAnchor.RECEIPT, Set.of(), Set.of());
    }

    /** True when this rule applies to a request of that urgency and accessibility (which may be null). */
    public boolean appliesTo(Urgency urgency, DataAccessibility accessibility) {
        return (urgencies.isEmpty() || urgencies.contains(urgency))
                && (accessibilities.isEmpty() || accessibilities.contains(accessibility));
    }
}
