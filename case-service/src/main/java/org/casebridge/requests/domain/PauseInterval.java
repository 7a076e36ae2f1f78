package org.casebridge.requests.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A time during which the requested agency waited for information from the requester; legal clocks do not run
 * during it.
 *
 * @param from when the information was asked for
 * @param to   when it was provided; null while still awaited
 */
public record PauseInterval(Instant from, Instant to) {

    public PauseInterval {
        Objects.requireNonNull(from, "from");
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("a pause cannot end before it starts");
        }
    }

    /** A pause still running. */
    public static PauseInterval openAt(Instant from) {
        return new PauseInterval(from, null);
    }

    public boolean isOpen() {
        return to == null;
    }

    /** This pause, ended at {@code at}. */
    public PauseInterval closedAt(Instant at) {
        return new PauseInterval(from, at);
    }
}
