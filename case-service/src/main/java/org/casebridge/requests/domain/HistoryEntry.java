package org.casebridge.requests.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One transition in a request's history.
 *
 * @param transition what happened
 * @param side       which agency did it
 * @param at         when (UTC)
 * @param by         who, as {@code user@agency}
 * @param from       the status before
 * @param to         the status after
 */
public record HistoryEntry(RequestTransition transition, AgencySide side, Instant at, String by, RequestStatus from,
                           RequestStatus to) {

    public HistoryEntry {
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
