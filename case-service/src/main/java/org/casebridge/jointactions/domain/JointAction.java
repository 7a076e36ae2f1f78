package org.casebridge.jointactions.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.casebridge.directory.HandlingMarking;

/**
 * A joint enforcement action as one node holds it: the coordinator's own, or a participant's copy that the
 * coordinator's messages keep in step. Every step returns a new value and checks the lifecycle
 * {@code PROPOSED → PLANNING → READY → GO | NO_GO → IN_PROGRESS → COMPLETED | CANCELLED}, the same way on every node.
 *
 * <p>{@code PLANNING} and {@code READY} are not set by anyone: the first acceptance moves a proposal to planning, and
 * the action is ready exactly while every required participant (the coordinator and each participant with role
 * {@code PARTICIPANT} that has not declined) has declared itself ready. A plan change takes back the readiness of
 * those it concerns: everyone's when the window moves, a participant's own when its tasks or targets change.
 *
 * @param id                 chosen by the coordinator
 * @param coordinatingAgency the agency that coordinates
 * @param title              short title
 * @param objective          what the operation is to achieve
 * @param caseReferences     references of the linked cases
 * @param linkedCaseIds      at the coordinator, its linked cases (empty on a copy)
 * @param shareLinkedCases   whether the coordinator shares the linked cases with each participant that accepts
 * @param marking            handling marking of the whole action
 * @param window             when the action takes place
 * @param status             where it stands
 * @param participants       every agency, the coordinator first
 * @param outcomes           outcome reports, one per reporting agency
 * @param planRevision       revision of the plan, raised by each plan update
 * @param statusReason       reason of the last NO_GO or status change, or null
 * @param proposedAt         when it was proposed
 * @param proposedBy         the proposing officer at the coordinator, or null on a copy
 * @param updatedAt          when it last changed
 */
public record JointAction(UUID id, String coordinatingAgency, String title, String objective,
                          List<String> caseReferences, List<UUID> linkedCaseIds, boolean shareLinkedCases,
                          HandlingMarking marking, ActionWindow window, JointActionStatus status,
                          List<Participant> participants, List<Outcome> outcomes, long planRevision,
                          String statusReason, Instant proposedAt, String proposedBy, Instant updatedAt) {

    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_OBJECTIVE_LENGTH = 10_000;
    public static final int MAX_PARTICIPANTS = 100;
    public static final int MAX_NOTE_LENGTH = 2_000;

    public JointAction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(coordinatingAgency, "coordinatingAgency");
        requireText(title, MAX_TITLE_LENGTH, "title");
        requireText(objective, MAX_OBJECTIVE_LENGTH, "objective");
        caseReferences = List.copyOf(caseReferences);
        linkedCaseIds = List.copyOf(linkedCaseIds);
        Objects.requireNonNull(marking, "marking");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(status, "status");
        participants = List.copyOf(participants);
        outcomes = List.copyOf(outcomes);
        Objects.requireNonNull(proposedAt, "proposedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        requireParticipants(coordinatingAgency, participants);
    }

    /**
     * A new action, at the coordinator or as the copy a participant receives.
     *
     * @param participants every agency with its role; the coordinator's entry (role {@code COORDINATOR}) is
     *                     accepted at once
     */
    public static JointAction propose(UUID id, String coordinatingAgency, String title, String objective,
                                      List<String> caseReferences, List<UUID> linkedCaseIds, boolean shareLinkedCases,
                                      HandlingMarking marking, ActionWindow window, List<Participant> participants,
                                      Instant now, String proposedBy) {
        return new JointAction(id, coordinatingAgency, title, objective, caseReferences, linkedCaseIds,
                shareLinkedCases, marking, window, JointActionStatus.PROPOSED, participants, List.of(), 1, null, now,
                proposedBy, now);
    }

    public boolean isCoordinatedBy(String agency) {
        return coordinatingAgency.equals(agency);
    }

    public Optional<Participant> participant(String agency) {
        return participants.stream().filter(p -> p.agency().equals(agency)).findFirst();
    }

    /** Every agency but the coordinator: the recipients of the coordinator's messages. */
    public List<String> partnerAgencies() {
        return participants.stream().map(Participant::agency).filter(a -> !a.equals(coordinatingAgency)).toList();
    }

    /** Required participants that are not ready yet, in plan order; GO waits for them. */
    public List<String> notReady() {
        return participants.stream().filter(Participant::isRequired).filter(p -> !p.isReady())
                .map(Participant::agency).toList();
    }

    public OutcomeTotals totals() {
        return OutcomeTotals.of(outcomes);
    }

    /** A participant (not the coordinator) accepts or declines; a decline needs a reason. */
    public JointAction answer(String agency, ParticipationAnswer answer, String note, Instant at) {
        requireStatus("answer the invitation", JointActionStatus.PROPOSED, JointActionStatus.PLANNING,
                JointActionStatus.READY);
        Participant participant = requireParticipant(agency);
        if (participant.role() == ParticipantRole.COORDINATOR) {
            throw new JointActionRuleException("ILLEGAL_TRANSITION",
                    "the coordinator takes part by proposing the action and does not answer the invitation");
        }
        if (answer == ParticipationAnswer.PENDING) {
            throw new JointActionRuleException("INVALID", "answer", "the answer is ACCEPTED or DECLINED");
        }
        note = optionalNote(note, "reason");
        if (answer == ParticipationAnswer.DECLINED && note == null) {
            throw new JointActionRuleException("REASON_REQUIRED", "reason", "a decline needs a reason");
        }
        JointActionStatus next = status == JointActionStatus.PROPOSED && answer == ParticipationAnswer.ACCEPTED
                ? JointActionStatus.PLANNING : status;
        return with(replace(participant.answered(answer, note, at)), next, statusReason, at).derived();
    }

    /** A participant that accepted (or the coordinator) declares itself ready or not ready for the current plan. */
    public JointAction declareReadiness(String agency, boolean ready, String note, Instant at) {
        return declareReadiness(agency, ready, note, at, null);
    }

    /**
     * A participant that accepted (or the coordinator) declares itself ready or not ready for the plan revision it
     * reviewed. A declaration that crossed a plan change which took back this agency's readiness concerns a plan
     * that no longer holds and is refused ({@code STALE_PLAN_REVISION}); one that crossed a change that kept it
     * (a new title, another agency's tasks) still counts.
     *
     * @param forRevision the plan revision the agency declared for, or null when unknown (counts as current)
     */
    public JointAction declareReadiness(String agency, boolean ready, String note, Instant at, Long forRevision) {
        requireStatus("declare readiness", JointActionStatus.PLANNING, JointActionStatus.READY);
        Participant participant = requireParticipant(agency);
        if (participant.answer() != ParticipationAnswer.ACCEPTED) {
            throw new JointActionRuleException("NOT_ACCEPTED", agency + " has not accepted the invitation ("
                    + participant.answer() + ") and cannot declare readiness");
        }
        if (forRevision != null && !participant.acceptsReadinessFor(forRevision)) {
            throw new JointActionRuleException("STALE_PLAN_REVISION", agency + " declared readiness for plan revision "
                    + forRevision + ", but the plan changed for " + agency + " at revision "
                    + participant.readinessRequiredFrom() + " (now " + planRevision
                    + "); readiness must be declared again for the current plan");
        }
        return with(replace(participant.declared(ready, optionalNote(note, "note"), at)), status, statusReason, at)
                .derived();
    }

    /**
     * The coordinator changes the plan. Allowed until GO; after NO_GO it starts planning again.
     *
     * @param newRevision the plan's revision after the change (the coordinator's revision + 1; on a copy, the
     *                    revision the coordinator sent)
     */
    public JointAction updatePlan(PlanChange change, long newRevision, Instant at) {
        requireStatus("change the plan", JointActionStatus.PROPOSED, JointActionStatus.PLANNING,
                JointActionStatus.READY, JointActionStatus.NO_GO);
        if (newRevision <= planRevision) {
            throw new JointActionRuleException("ILLEGAL_TRANSITION", "plan revision " + newRevision
                    + " is not newer than revision " + planRevision);
        }
        for (String agency : change.assignments().keySet()) {
            if (participant(agency).isEmpty()) {
                throw new JointActionRuleException("INVALID", "assignments", agency
                        + " does not take part in this joint action; participants cannot be added to the plan");
            }
        }
        boolean windowMoved = change.window() != null && !change.window().equals(window);
        List<Participant> next = new ArrayList<>();
        for (Participant participant : participants) {
            PlanChange.Assignment assignment = change.assignments().get(participant.agency());
            List<String> tasks = assignment == null || assignment.tasks() == null ? participant.tasks()
                    : assignment.tasks();
            List<String> targets = assignment == null || assignment.targets() == null ? participant.targets()
                    : assignment.targets();
            next.add(participant.assigned(tasks, targets, windowMoved, newRevision));
        }
        JointActionStatus nextStatus = status == JointActionStatus.NO_GO ? JointActionStatus.PLANNING : status;
        boolean anyAccepted = next.stream().anyMatch(p -> p.role() != ParticipantRole.COORDINATOR
                && p.answer() == ParticipationAnswer.ACCEPTED);
        if (nextStatus == JointActionStatus.PLANNING && !anyAccepted) {
            nextStatus = JointActionStatus.PROPOSED;
        }
        return new JointAction(id, coordinatingAgency,
                change.title() != null ? change.title() : title,
                change.objective() != null ? change.objective() : objective,
                caseReferences, linkedCaseIds, shareLinkedCases, marking,
                change.window() != null ? change.window() : window,
                nextStatus, next, outcomes, newRevision,
                status == JointActionStatus.NO_GO ? null : statusReason, proposedAt, proposedBy, at).derived();
    }

    /**
     * The coordinator's GO or NO_GO. At the coordinator GO needs status READY, that is every required participant
     * ready; a copy takes the coordinator's GO also while it still waits for a readiness message, because the
     * coordinator's view of readiness is the one that counts. NO_GO needs a reason and is possible until GO.
     *
     * @param atCoordinator true at the coordinator (strict), false when a copy applies the coordinator's decision
     */
    public JointAction decide(GoDecision decision, String reason, Instant at, boolean atCoordinator) {
        reason = optionalNote(reason, "reason");
        if (decision == GoDecision.GO) {
            if (atCoordinator) {
                if (status == JointActionStatus.PLANNING || status == JointActionStatus.PROPOSED) {
                    List<String> waiting = notReady();
                    throw new JointActionRuleException("NOT_READY", "GO needs every required participant ready;"
                            + " not ready yet: " + (waiting.isEmpty() ? "no participant has accepted" : String.join(", ", waiting)));
                }
                requireStatus("call GO", JointActionStatus.READY);
            } else {
                requireStatus("call GO", JointActionStatus.PLANNING, JointActionStatus.READY);
            }
            return with(participants, JointActionStatus.GO, reason, at);
        }
        if (reason == null) {
            throw new JointActionRuleException("REASON_REQUIRED", "reason", "NO_GO needs a reason");
        }
        requireStatus("call NO_GO", JointActionStatus.PROPOSED, JointActionStatus.PLANNING, JointActionStatus.READY);
        return with(participants, JointActionStatus.NO_GO, reason, at);
    }

    /** The coordinator starts, completes or cancels the action. */
    public JointAction changeStatus(JointActionStatus target, String reason, Instant at) {
        reason = optionalNote(reason, "reason");
        switch (target) {
            case IN_PROGRESS -> requireStatus("start the action", JointActionStatus.GO);
            case COMPLETED -> requireStatus("complete the action", JointActionStatus.IN_PROGRESS);
            case CANCELLED -> {
                if (status.isFinal()) {
                    throw illegal("cancel the action");
                }
            }
            default -> throw new JointActionRuleException("ILLEGAL_TRANSITION", "status " + target
                    + " follows from answers, readiness and the GO decision and cannot be set directly");
        }
        return with(participants, target, reason, at);
    }

    /** A participant that accepted reports its outcomes, during or after the action; a new report replaces its last. */
    public JointAction reportOutcome(Outcome outcome) {
        requireStatus("report outcomes", JointActionStatus.IN_PROGRESS, JointActionStatus.COMPLETED);
        Participant participant = requireParticipant(outcome.agency());
        if (participant.answer() != ParticipationAnswer.ACCEPTED) {
            throw new JointActionRuleException("NOT_ACCEPTED", outcome.agency()
                    + " did not accept the action and has no outcomes to report");
        }
        if (!participant.role().reportsOutcomes()) {
            throw new JointActionRuleException("ILLEGAL_TRANSITION", "an observer does not report outcomes");
        }
        List<Outcome> next = new ArrayList<>(outcomes.stream().filter(o -> !o.agency().equals(outcome.agency())).toList());
        next.add(outcome);
        return new JointAction(id, coordinatingAgency, title, objective, caseReferences, linkedCaseIds,
                shareLinkedCases, marking, window, status, participants, next, planRevision, statusReason,
                proposedAt, proposedBy, outcome.reportedAt());
    }

    private JointAction derived() {
        boolean allReady = participants.stream().filter(Participant::isRequired).allMatch(Participant::isReady);
        if (status == JointActionStatus.PLANNING && allReady) {
            return with(participants, JointActionStatus.READY, statusReason, updatedAt);
        }
        if (status == JointActionStatus.READY && !allReady) {
            return with(participants, JointActionStatus.PLANNING, statusReason, updatedAt);
        }
        return this;
    }

    private JointAction with(List<Participant> newParticipants, JointActionStatus newStatus, String reason,
                             Instant at) {
        return new JointAction(id, coordinatingAgency, title, objective, caseReferences, linkedCaseIds,
                shareLinkedCases, marking, window, newStatus, newParticipants, outcomes, planRevision, reason,
                proposedAt, proposedBy, at);
    }

    private List<Participant> replace(Participant changed) {
        return participants.stream().map(p -> p.agency().equals(changed.agency()) ? changed : p).toList();
    }

    private Participant requireParticipant(String agency) {
        return participant(agency).orElseThrow(() -> new JointActionRuleException("NOT_A_PARTICIPANT",
                agency + " does not take part in this joint action"));
    }

    private void requireStatus(String step, JointActionStatus... allowed) {
        for (JointActionStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw illegal(step);
    }

    private JointActionRuleException illegal(String step) {
        return new JointActionRuleException("ILLEGAL_TRANSITION", "cannot " + step + " while the action is "
                + status);
    }

    private static String optionalNote(String note, String field) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.length() > MAX_NOTE_LENGTH) {
            throw new JointActionRuleException("INVALID", field, "at most " + MAX_NOTE_LENGTH + " characters");
        }
        return note.strip();
    }

    private static void requireText(String text, int max, String field) {
        if (text == null || text.isBlank() || text.length() > max) {
            throw new JointActionRuleException("INVALID", field, "must have 1 to " + max + " characters");
        }
    }

    private static void requireParticipants(String coordinator, List<Participant> participants) {
        if (participants.size() > MAX_PARTICIPANTS) {
            throw new JointActionRuleException("INVALID", "participants", "at most " + MAX_PARTICIPANTS
                    + " participants");
        }
        Set<String> seen = new HashSet<>();
        int coordinators = 0;
        for (int i = 0; i < participants.size(); i++) {
            Participant participant = participants.get(i);
            if (!seen.add(participant.agency())) {
                throw new JointActionRuleException("INVALID", "participants[" + i + "].agency",
                        participant.agency() + " is listed twice");
            }
            boolean isCoordinator = participant.agency().equals(coordinator);
            if (isCoordinator != (participant.role() == ParticipantRole.COORDINATOR)) {
                throw new JointActionRuleException("INVALID", "participants[" + i + "].role",
                        "only the coordinating agency " + coordinator + " has the role COORDINATOR");
            }
            if (isCoordinator) {
                coordinators++;
            }
            if (participant.tasks().size() > Participant.MAX_ITEMS || participant.targets().size() > Participant.MAX_ITEMS
                    || participant.tasks().stream().anyMatch(t -> t.isBlank() || t.length() > Participant.MAX_ITEM_LENGTH)
                    || participant.targets().stream().anyMatch(t -> t.isBlank() || t.length() > Participant.MAX_ITEM_LENGTH)) {
                throw new JointActionRuleException("INVALID", "participants[" + i + "].tasks",
                        "at most " + Participant.MAX_ITEMS + " tasks and targets of 1 to "
                                + Participant.MAX_ITEM_LENGTH + " characters each");
            }
        }
        if (coordinators != 1) {
            throw new JointActionRuleException("INVALID", "participants", "the coordinating agency " + coordinator
                    + " must be among the participants");
        }
        if (participants.size() < 2) {
            throw new JointActionRuleException("INVALID", "participants",
                    "a joint action needs at least one agency besides the coordinator");
        }
    }
}
