package org.casebridge.requests.domain;

/** Which side of a request this node is on. */
public enum RequestDirection {
    /** This agency asked: it is the requesting agency. */
    OUTBOUND,
    /** This agency was asked: it is the requested agency. */
    INBOUND
}
