package org.casebridge.jointactions.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One agency of a joint action as every node holds it.
 *
 * @param agency        the agency code
 * @param role          its part in the action
 * @param timeZone      its IANA time zone from the partner directory
 * @param tasks         what it is asked to do, in the coordinator's order
 * @param targets       persons, premises or servers in its jurisdiction it acts on
 * @param answer        its answer to the invitation
 * @param answerNote    why it declined, or conditions of its acceptance; may be null
 * @param answeredAt    when it answered, or null
 * @param readiness     what it last declared
 * @param readinessNote what is missing, or null
 * @param readinessAt   when it declared, or null
 * @param readinessRequiredFrom the plan revision at which a plan change last took back its readiness (1 before any);
 *                      a readiness declared for an earlier revision was given for a plan that no longer holds
 */
public record Participant(String agency, ParticipantRole role, ZoneId timeZone, List<String> tasks,
                          List<String> targets, ParticipationAnswer answer, String answerNote, Instant answeredAt,
                          Readiness readiness, String readinessNote, Instant readinessAt,
                          long readinessRequiredFrom) {

    public static final int MAX_ITEMS = 50;
    public static final int MAX_ITEM_LENGTH = 500;

    public Participant {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(timeZone, "timeZone");
        tasks = List.copyOf(tasks);
        targets = List.copyOf(targets);
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(readiness, "readiness");
        if (readinessRequiredFrom < 1) {
            throw new IllegalArgumentException("readinessRequiredFrom must be a plan revision (>= 1)");
        }
    }

    /** A newly invited agency; the coordinator takes part by proposing, so its answer is given at once. */
    public static Participant invited(String agency, ParticipantRole role, ZoneId timeZone, List<String> tasks,
                                      List<String> targets, Instant now) {
        boolean coordinator = role == ParticipantRole.COORDINATOR;
        return new Participant(agency, role, timeZone, tasks, targets,
                coordinator ? ParticipationAnswer.ACCEPTED : ParticipationAnswer.PENDING, null,
                coordinator ? now : null, Readiness.UNDECLARED, null, null, 1);
    }

    /** True when GO waits for this agency: a coordinator or participant that has not declined. */
    public boolean isRequired() {
        return role.requiredForGo() && answer != ParticipationAnswer.DECLINED;
    }

    public boolean isReady() {
        return readiness == Readiness.READY;
    }

    Participant answered(ParticipationAnswer newAnswer, String note, Instant at) {
        // Declining withdraws any readiness given before.
        boolean declined = newAnswer == ParticipationAnswer.DECLINED;
        return new Participant(agency, role, timeZone, tasks, targets, newAnswer, note, at,
                declined ? Readiness.UNDECLARED : readiness, declined ? null : readinessNote,
                declined ? null : readinessAt, readinessRequiredFrom);
    }

    Participant declared(boolean ready, String note, Instant at) {
        return new Participant(agency, role, timeZone, tasks, targets, answer, answerNote, answeredAt,
                ready ? Readiness.READY : Readiness.NOT_READY, note, at, readinessRequiredFrom);
    }

    /** Whether a readiness declared for this plan revision still concerns the plan this agency has now. */
    public boolean acceptsReadinessFor(long planRevision) {
        return planRevision >= readinessRequiredFrom;
    }

    /**
     * With a new assignment in plan revision {@code newRevision}; readiness given for the old one no longer counts,
     * nor does a readiness declared for an earlier revision that is still on its way.
     */
    Participant assigned(List<String> newTasks, List<String> newTargets, boolean resetReadiness, long newRevision) {
        boolean reset = resetReadiness || !tasks.equals(newTasks) || !targets.equals(newTargets);
        return new Participant(agency, role, timeZone, newTasks, newTargets, answer, answerNote, answeredAt,
                reset ? Readiness.UNDECLARED : readiness, reset ? null : readinessNote, reset ? null : readinessAt,
                reset ? newRevision : readinessRequiredFrom);
    }
}
