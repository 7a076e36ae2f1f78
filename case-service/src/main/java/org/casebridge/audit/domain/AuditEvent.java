package org.casebridge.audit.domain;

import java.util.Objects;

/**
 * What happened, to be appended to the audit log together with the {@link AuditActor} who did it.
 *
 * <p>The detail is a short free text for what the other fields cannot say (which partner a case was shared with,
 * why a message was refused). It must not repeat personal data from the case: the audit log is kept longer than the
 * case and is read by administrators, who need to know who touched what, not what it said.
 *
 * @param action     what was done
 * @param objectType the kind of object, an upper-case noun such as {@code CASE}, {@code REQUEST},
 *                   {@code JOINT_ACTION}, {@code USER}, {@code AUDIT_LOG}; null when the action has no object
 * @param objectId   the object's id (usually a UUID); null for lists and actions without one
 * @param outcome    how it ended
 * @param detail     at most {@value #MAX_DETAIL_LENGTH} characters, or null
 */
public record AuditEvent(AuditAction action, String objectType, String objectId, AuditOutcome outcome,
                         String detail) {

    /** Longest detail text the log keeps. */
    public static final int MAX_DETAIL_LENGTH = 500;

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        AuditActor.requireLength(objectType, "objectType", 64);
        AuditActor.requireLength(objectId, "objectId", 128);
        AuditActor.requireLength(detail, "detail", MAX_DETAIL_LENGTH);
    }

    /** An action that was carried out. */
    public static AuditEvent success(AuditAction action, String objectType, String objectId) {
        return new AuditEvent(action, objectType, objectId, AuditOutcome.SUCCESS, null);
    }

    /** An action the actor was not allowed to do. */
    public static AuditEvent denied(AuditAction action, String objectType, String objectId) {
        return new AuditEvent(action, objectType, objectId, AuditOutcome.DENIED, null);
    }

    /** An allowed action that did not complete. */
    public static AuditEvent failed(AuditAction action, String objectType, String objectId) {
        return new AuditEvent(action, objectType, objectId, AuditOutcome.FAILED, null);
    }

    /** Input from outside that was refused as invalid. */
    public static AuditEvent refused(AuditAction action, String objectType, String objectId) {
        return new AuditEvent(action, objectType, objectId, AuditOutcome.REFUSED, null);
    }

    /** The same event with a detail text (see the class comment on what belongs there). */
    public AuditEvent withDetail(String newDetail) {
        return new AuditEvent(action, objectType, objectId, outcome, newDetail);
    }
}
