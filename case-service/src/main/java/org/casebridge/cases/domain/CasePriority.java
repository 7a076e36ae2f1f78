package org.casebridge.cases.domain;

/** How urgently the lead agency works a case. */
public enum CasePriority {
    LOW, NORMAL, HIGH, CRITICAL
}
