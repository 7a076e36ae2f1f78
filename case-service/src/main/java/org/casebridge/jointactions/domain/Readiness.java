package org.casebridge.jointactions.domain;

/** What a participant last said about being ready for the action. */
public enum Readiness {
    UNDECLARED, READY, NOT_READY
}
