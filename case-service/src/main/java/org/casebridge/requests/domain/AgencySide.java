package org.casebridge.requests.domain;

/** The two parties to an evidence request; each transition belongs to one of them. */
public enum AgencySide {
    /** The agency that drafts, approves and sends the request. */
    REQUESTING,
    /** The agency that receives the request and answers it. */
    REQUESTED
}
