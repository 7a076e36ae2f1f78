package org.casebridge.jointactions.domain;

/** The coordinator's decision once the action is ready. */
public enum GoDecision {
    GO, NO_GO
}
