package org.casebridge.requests.domain;

import static org.casebridge.requests.domain.AgencySide.REQUESTED;
import static org.casebridge.requests.domain.AgencySide.REQUESTING;

import java.util.EnumSet;
import java.util.Set;

/**
 * The moves of the evidence request lifecycle: who may make each one and from which statuses.
 *
 * <pre>
 * DRAFT -SUBMIT-> AWAITING_APPROVAL -APPROVE-> SENT -RECEIVE-> RECEIVED
 * AWAITING_APPROVAL -RETURN_TO_DRAFT-> DRAFT                       (the approver sends it back for rework)
 * RECEIVED -ACCEPT-> ACCEPTED | -REFUSE-> REFUSED | -ASK_INFORMATION-> INFORMATION_NEEDED
 * INFORMATION_NEEDED -PROVIDE_INFORMATION-> RECEIVED              (the requested side decides again)
 * ACCEPTED -NOTE_PROGRESS-> IN_PROGRESS; IN_PROGRESS and PARTIALLY_FULFILLED keep their status on NOTE_PROGRESS
 * ACCEPTED | IN_PROGRESS | PARTIALLY_FULFILLED -FULFIL_PARTIALLY-> PARTIALLY_FULFILLED, -FULFIL-> FULFILLED
 * FULFILLED -CLOSE-> CLOSED                                        (the requester, after verifying the manifest)
 * any open status -WITHDRAW-> WITHDRAWN
 * ACCEPTED | IN_PROGRESS | PARTIALLY_FULFILLED | FULFILLED -EXTEND_PRESERVATION-> (unchanged)
 * </pre>
 *
 * A refusal is only possible on review (from {@code RECEIVED}), as the lifecycle specifies: once accepted, data
 * found to be gone is reported by fulfilling with what exists. Preservation can be extended while it is in force,
 * which includes {@code FULFILLED}: for a preservation, fulfilled means the data is being kept.
 */
public enum RequestTransition {
    SUBMIT(REQUESTING, EnumSet.of(RequestStatus.DRAFT), RequestStatus.AWAITING_APPROVAL),
    /** Second officer's approval; also sends the request. Never by the author (four-eyes). */
    APPROVE(REQUESTING, EnumSet.of(RequestStatus.AWAITING_APPROVAL), RequestStatus.SENT),
    RETURN_TO_DRAFT(REQUESTING, EnumSet.of(RequestStatus.AWAITING_APPROVAL), RequestStatus.DRAFT),
    /** The requested agency's receipt; it starts the legal clocks. */
    RECEIVE(REQUESTED, EnumSet.of(RequestStatus.SENT), RequestStatus.RECEIVED),
    ACCEPT(REQUESTED, EnumSet.of(RequestStatus.RECEIVED), RequestStatus.ACCEPTED),
    REFUSE(REQUESTED, EnumSet.of(RequestStatus.RECEIVED), RequestStatus.REFUSED),
    /** Pauses the legal clocks until the requester provides the information. */
    ASK_INFORMATION(REQUESTED, EnumSet.of(RequestStatus.RECEIVED), RequestStatus.INFORMATION_NEEDED),
    PROVIDE_INFORMATION(REQUESTING, EnumSet.of(RequestStatus.INFORMATION_NEEDED), RequestStatus.RECEIVED),
    NOTE_PROGRESS(REQUESTED, EnumSet.of(RequestStatus.ACCEPTED, RequestStatus.IN_PROGRESS,
            RequestStatus.PARTIALLY_FULFILLED), null),
    FULFIL_PARTIALLY(REQUESTED, EnumSet.of(RequestStatus.ACCEPTED, RequestStatus.IN_PROGRESS,
            RequestStatus.PARTIALLY_FULFILLED), RequestStatus.PARTIALLY_FULFILLED),
    FULFIL(REQUESTED, EnumSet.of(RequestStatus.ACCEPTED, RequestStatus.IN_PROGRESS,
            RequestStatus.PARTIALLY_FULFILLED), RequestStatus.FULFILLED),
    CLOSE(REQUESTING, EnumSet.of(RequestStatus.FULFILLED), RequestStatus.CLOSED),
    WITHDRAW(REQUESTING, openStatuses(), RequestStatus.WITHDRAWN),
    /** Keeps the status; the request's preservation expiry moves. */
    EXTEND_PRESERVATION(REQUESTING, EnumSet.of(RequestStatus.ACCEPTED, RequestStatus.IN_PROGRESS,
            RequestStatus.PARTIALLY_FULFILLED, RequestStatus.FULFILLED), null);

    private final AgencySide side;
    private final Set<RequestStatus> sources;
    /** Null when the transition leaves the status as it is (except where {@link #target} says otherwise). */
    private final RequestStatus target;

    RequestTransition(AgencySide side, Set<RequestStatus> sources, RequestStatus target) {
        this.side = side;
        this.sources = sources;
        this.target = target;
    }

    private static EnumSet<RequestStatus> openStatuses() {
        EnumSet<RequestStatus> open = EnumSet.noneOf(RequestStatus.class);
        for (RequestStatus status : RequestStatus.values()) {
            if (status.isOpen()) {
                open.add(status);
            }
        }
        return open;
    }

    /** The side that makes this move. */
    public AgencySide side() {
        return side;
    }

    /** The statuses this move may start from. */
    public Set<RequestStatus> sources() {
        return EnumSet.copyOf(sources);
    }

    /** True when {@code side} may make this move from {@code from}. */
    public boolean isAllowed(RequestStatus from, AgencySide by) {
        return by == side && sources.contains(from);
    }

    /**
     * The status after this move.
     *
     * @throws IllegalTransitionException if the move is not allowed from {@code from} or not for {@code by}
     */
    public RequestStatus apply(RequestStatus from, AgencySide by) {
        if (!isAllowed(from, by)) {
            throw new IllegalTransitionException(from, this, by);
        }
        return target(from);
    }

    private RequestStatus target(RequestStatus from) {
        if (this == NOTE_PROGRESS) {
            // the first progress report starts the work; later ones keep the status they find
            return from == RequestStatus.ACCEPTED ? RequestStatus.IN_PROGRESS : from;
        }
        return target != null ? target : from;
    }
}
