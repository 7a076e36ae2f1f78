package org.casebridge.audit.domain;

/**
 * What was done. The name is stored as text in the audit log, so a constant may be added at any time but never
 * renamed or removed: old rows keep the name they were written with and still verify.
 */
public enum AuditAction {
    /** A case file was shown to a user (detail view, export of one case). */
    CASE_READ,
    /** A list of cases was shown; the object id is empty, the detail says which filter. */
    CASE_LISTED,
    CASE_CREATED,
    CASE_UPDATED,
    CASE_CLOSED,
    /** A case was shared with a partner agency (the detail names the partner). */
    CASE_SHARED,
    SHARE_REVOKED,
    CONTRIBUTION_ADDED,
    /** A case, share or contribution sent by a partner was applied to this node's copy. */
    PARTNER_UPDATE_APPLIED,
    /** A partner's message was refused (bad signature, marking ceiling, unknown type). */
    PARTNER_MESSAGE_REFUSED,

    REQUEST_READ,
    REQUEST_CREATED,
    REQUEST_UPDATED,
    REQUEST_APPROVED,
    REQUEST_REJECTED,
    REQUEST_SENT,
    REQUEST_RECEIVED,
    REQUEST_ANSWERED,
    REQUEST_ESCALATED,

    JOINT_ACTION_READ,
    JOINT_ACTION_CREATED,
    JOINT_ACTION_UPDATED,
    /** A list of joint actions was shown; the detail says which filter. */
    JOINT_ACTION_LISTED,
    /** This agency accepted or declined a joint action (the detail says which). */
    JOINT_ACTION_ANSWERED,
    JOINT_ACTION_READINESS_DECLARED,
    /** The coordinator decided GO or NO_GO. */
    JOINT_ACTION_DECIDED,
    JOINT_ACTION_STATUS_CHANGED,
    JOINT_ACTION_OUTCOME_REPORTED,

    /** Statistics or a bulk export were produced (no personal data, but still a read of case data). */
    STATISTICS_EXPORTED,

    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    /** An authenticated user was refused an operation its role does not allow. */
    ACCESS_DENIED,
    USER_CREATED,
    USER_UPDATED,

    /** The audit log itself was listed. */
    AUDIT_READ,
    /** The audit chain was verified; the outcome says whether it held. */
    AUDIT_VERIFIED
}
