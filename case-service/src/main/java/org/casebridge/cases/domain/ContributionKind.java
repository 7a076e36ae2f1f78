package org.casebridge.cases.domain;

/** What a contribution to a case is: a note, or a finding that adds to the facts. */
public enum ContributionKind {
    NOTE, FINDING
}
