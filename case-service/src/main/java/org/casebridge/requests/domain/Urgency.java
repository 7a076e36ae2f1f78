package org.casebridge.requests.domain;

/** How urgently the requesting agency needs an answer; some instruments shorten their clocks for urgent requests. */
public enum Urgency {
    /** A threat to life or physical integrity, or to critical infrastructure. */
    EMERGENCY,
    URGENT,
    NORMAL
}
