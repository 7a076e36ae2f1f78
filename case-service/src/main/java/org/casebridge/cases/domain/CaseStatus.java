package org.casebridge.cases.domain;

/** Where a case stands at its lead agency. */
public enum CaseStatus {
    OPEN, ACTIVE, SUSPENDED, CLOSED
}
