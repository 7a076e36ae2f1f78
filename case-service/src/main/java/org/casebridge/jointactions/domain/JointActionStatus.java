package org.casebridge.jointactions.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a joint action stands. {@code PLANNING} and {@code READY} follow from the participants' answers and
 * readiness; {@code GO} and {@code NO_GO} are the coordinator's decision; the rest are set by the coordinator.
 */
public enum JointActionStatus {
    PROPOSED, PLANNING, READY, GO, NO_GO, IN_PROGRESS, COMPLETED, CANCELLED;

    /** True when nothing can happen to the action any more. */
    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED;
    }

    /** The statuses the coordinator may set through a status change (the others follow from other steps). */
    public static Set<JointActionStatus> settable() {
        return EnumSet.of(IN_PROGRESS, COMPLETED, CANCELLED);
    }
}
