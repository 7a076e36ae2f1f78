package org.casebridge.audit.domain;

/** How an audited action ended. */
public enum AuditOutcome {
    /** The action was carried out. */
    SUCCESS,
    /** The actor was not allowed to do it (role, handling marking, sharing ceiling). */
    DENIED,
    /** The action was allowed but did not complete (a technical error, a conflict). */
    FAILED,
    /** Input from outside (a partner's message, a request body) was refused as invalid. */
    REFUSED
}
