package org.casebridge.requests.domain;

/**
 * Where an evidence request stands. Both agencies hold the same status; it moves only through
 * {@link RequestTransition}s.
 */
public enum RequestStatus {
    DRAFT,
    AWAITING_APPROVAL,
    SENT,
    RECEIVED,
    ACCEPTED,
    REFUSED,
    /** The requested agency waits for information from the requester; its legal clocks are paused. */
    INFORMATION_NEEDED,
    IN_PROGRESS,
    PARTIALLY_FULFILLED,
    /** All evidence delivered; the requester verifies the manifest and closes. */
    FULFILLED,
    CLOSED,
    WITHDRAWN;

    /** True when no transition leaves this status. */
    public boolean isTerminal() {
        return this == REFUSED || this == CLOSED || this == WITHDRAWN;
    }

    /**
     * True while the requester may still withdraw the request. A fulfilled request is not open: the work is done
     * and only closing it remains.
     */
    public boolean isOpen() {
        return !isTerminal() && this != FULFILLED;
    }
}
