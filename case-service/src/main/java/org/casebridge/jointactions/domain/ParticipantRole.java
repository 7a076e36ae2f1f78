package org.casebridge.jointactions.domain;

/**
 * An agency's part in a joint action. The coordinator and participants act on the day and must be ready for GO;
 * support (forensics, hosting contacts) and observers are informed but do not hold up the decision.
 */
public enum ParticipantRole {
    COORDINATOR, PARTICIPANT, SUPPORT, OBSERVER;

    /** True when the action cannot go ahead until this agency has accepted and declared itself ready. */
    public boolean requiredForGo() {
        return this == COORDINATOR || this == PARTICIPANT;
    }

    /** True when the agency acts on the day and so may report outcomes. */
    public boolean reportsOutcomes() {
        return this != OBSERVER;
    }
}
