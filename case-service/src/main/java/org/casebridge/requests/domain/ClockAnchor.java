package org.casebridge.requests.domain;

/** The moment a clock starts. */
public enum ClockAnchor {
    /** The requested agency's receipt of the request (the default). */
    RECEIPT,
    /**
     * The requested agency's decision to accept it. Directive 2014/41/EU counts the 90 days for executing an EIO
     * from the decision on recognition, not from receipt.
     */
    DECISION
}
