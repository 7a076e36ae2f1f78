package org.casebridge.requests.domain;

/** A point an instrument's clock runs to. */
public enum Milestone {
    /** The requested authority acknowledges the request. */
    ACKNOWLEDGE(true),
    /** The requested authority decides whether to recognise and execute it. */
    DECIDE(true),
    /** The requested authority carries out the measure or produces the data. */
    EXECUTE(true),
    /**
     * The earliest time preserved data may be released. It does not pause while information is awaited: it is how
     * long data must be kept, not time given to the requested agency to act.
     */
    PRESERVE_UNTIL(false),
    /** The requested authority answers (police information exchange, agreed due dates). */
    RESPOND(true);

    private final boolean pausable;

    Milestone(boolean pausable) {
        this.pausable = pausable;
    }

    /** True when time spent waiting for information from the requester does not count against this milestone. */
    public boolean pausable() {
        return pausable;
    }
}
