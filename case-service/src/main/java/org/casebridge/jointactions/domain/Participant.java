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
 */
public record Participant(String agency, ParticipantRole role, ZoneId timeZone, List<String> tasks,
                          List<String> targets, ParticipationAnswer answer, String answerNote, Instant answeredAt,
                          Readiness readiness, String readinessNote, Instant readinessAt) {

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
    }

    /** A newly invited agency; the coordinator takes part by proposing, so its answer is given at once. */
    public static Participant invited(String agency, ParticipantRole role, ZoneId timeZone, List<String> tasks,
                                      List<String> targets, Instant now) {
        boolean coordinator = role == ParticipantRole.COORDINATOR;
        return new Participant(agency, role, timeZone, tasks, targets,
                coordinator ? ParticipationAnswer.ACCEPTED : ParticipationAnswer.PENDING, null,
                coordinator ? now : null, Readiness.UNDECLARED, null, null);
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
                declined ? null : readinessAt);
    }

    Participant declared(boolean ready, String note, Instant at) {
        return new Participant(agency, role, timeZone, tasks, targets, answer, answerNote, answeredAt,
                ready ? Readiness.READY : Readiness.NOT_READY, note, at);
    }

    /** With a new assignment; readiness given for the old one no longer counts. */
    Participant assigned(List<String> newTasks, List<String> newTargets, boolean resetReadiness) {
        boolean reset = resetReadiness || !tasks.equals(newTasks) || !targets.equals(newTargets);
        return new Participant(agency, role, timeZone, newTasks, newTargets, answer, answerNote, answeredAt,
                reset ? Readiness.UNDECLARED : readiness, reset ? null : readinessNote, reset ? null : readinessAt);
    }
}
