package org.casebridge.jointactions.app;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.casebridge.directory.HandlingMarking;
import org.casebridge.jointactions.domain.ParticipantRole;

/**
 * What a coordinator gives to propose a joint action.
 *
 * @param shareLinkedCases whether each participant that accepts gets the linked cases shared with it
 * @param participants     the invited agencies; this agency may be listed (as coordinator) to give itself tasks
 */
public record NewJointAction(String title, String objective, List<UUID> linkedCases, boolean shareLinkedCases,
                             List<Invitee> participants, Instant windowStart, Instant windowEnd,
                             HandlingMarking marking) {

    /** One invited agency with its role and part of the plan. */
    public record Invitee(String agency, ParticipantRole role, List<String> tasks, List<String> targets) {
    }
}
