package org.casebridge.requests.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An evidence request between two agencies, as both of them hold it. Immutable: each transition returns the request
 * in its new state, with the transition appended to its history.
 *
 * <p>Every transition method checks, in this order: that the actor is a party and that the lifecycle allows the
 * transition from the current status for that party's side ({@link IllegalTransitionException}); then the
 * transition's own rules ({@link RequestRuleException}).
 *
 * @param id                 the request id, chosen by the requesting agency
 * @param caseId             the case it belongs to
 * @param requestingAgency   the agency asking
 * @param requestedAgency    the agency asked
 * @param instrumentCode     the legal instrument, a code from the instrument catalogue
 * @param type               what is asked
 * @param urgency            how urgent it is
 * @param accessibility      whether the data is directly accessible; needed by instruments whose clocks depend on it
 * @param legalBasis         the legal basis as stated in the request
 * @param justification      why the data is needed: facts, offence, link to the items
 * @param items              the identifiers concerned
 * @param status             where it stands
 * @param author             who drafted it (user at the requesting agency)
 * @param approver           who approved it; null before approval
 * @param history            every transition so far, oldest first
 * @param receivedAt         the requested agency's receipt, which starts the clocks; null before
 * @param pauses             times spent waiting for information from the requester, oldest first
 * @param agreedDueDate      the due date agreed for instruments without a legal limit; null if none
 * @param preservationExpiry when the preservation lapses (after extensions); null unless a preservation
 * @param extensionsUsed     how many times the preservation has been extended
 * @param refusal            why it was refused; null unless refused
 */
public record EvidenceRequest(UUID id, UUID caseId, String requestingAgency, String requestedAgency,
                              String instrumentCode, RequestType type, Urgency urgency,
                              DataAccessibility accessibility, String legalBasis, String justification,
                              List<RequestItem> items, RequestStatus status, String author, String approver,
                              List<HistoryEntry> history, Instant receivedAt, List<PauseInterval> pauses,
                              Instant agreedDueDate, Instant preservationExpiry, int extensionsUsed,
                              Refusal refusal) {

    /** Longest justification accepted; longer material belongs in attached documents. */
    public static final int MAX_JUSTIFICATION_LENGTH = 20_000;

    public EvidenceRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(requestingAgency, "requestingAgency");
        Objects.requireNonNull(requestedAgency, "requestedAgency");
        Objects.requireNonNull(instrumentCode, "instrumentCode");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(author, "author");
        items = List.copyOf(items);
        history = List.copyOf(history);
        pauses = List.copyOf(pauses);
    }

    /**
     * A new draft at the requesting agency.
     *
     * @param legalBasis the legal basis as stated; null to use the instrument's
     * @throws InvalidRequestException naming every bad field (items as {@code items[i].field})
     */
    public static EvidenceRequest draft(UUID id, UUID caseId, String requestingAgency, String requestedAgency,
                                        Instrument instrument, RequestType type, Urgency urgency,
                                        DataAccessibility accessibility, String legalBasis, String justification,
                                        List<RequestItem> items, String author, Instant at) {
        List<FieldViolation> violations = new ArrayList<>();
        if (requestedAgency == null || requestedAgency.isBlank()) {
            violations.add(new FieldViolation("requestedAgency", "is required"));
        } else if (requestedAgency.equals(requestingAgency)) {
            violations.add(new FieldViolation("requestedAgency", "must be another agency"));
        }
        if (type == null) {
            violations.add(new FieldViolation("type", "is required"));
        }
        if (urgency == null) {
            violations.add(new FieldViolation("urgency", "is required"));
        }
        if (accessibility == null && instrument.needsAccessibility()) {
            violations.add(new FieldViolation("accessibility", "is required for " + instrument.code()
                    + ": its time limits depend on whether the data is directly accessible"));
        }
        if (justification == null || justification.isBlank()) {
            violations.add(new FieldViolation("justification", "is required"));
        } else if (justification.length() > MAX_JUSTIFICATION_LENGTH) {
            violations.add(new FieldViolation("justification", "must be at most " + MAX_JUSTIFICATION_LENGTH
                    + " characters"));
        }
        if (items == null || items.isEmpty()) {
            violations.add(new FieldViolation("items", "a request names at least one item"));
        } else {
            violations.addAll(RequestItem.violations(items));
        }
        InvalidRequestException.throwIfAny(violations);
        String basis = legalBasis == null || legalBasis.isBlank() ? instrument.legalBasis() : legalBasis;
        return new EvidenceRequest(id, caseId, requestingAgency, requestedAgency, instrument.code(), type, urgency,
                accessibility, basis, justification, items, RequestStatus.DRAFT, author, null, List.of(), null,
                List.of(), null, null, 0, null);
    }

    /**
     * Which side {@code agency} is on.
     *
     * @throws RequestRuleException coded {@code NOT_A_PARTY} for any other agency
     */
    public AgencySide sideOf(String agency) {
        if (requestingAgency.equals(agency)) {
            return AgencySide.REQUESTING;
        }
        if (requestedAgency.equals(agency)) {
            return AgencySide.REQUESTED;
        }
        throw new RequestRuleException("NOT_A_PARTY", agency + " is not a party to request " + id);
    }

    /** Sends the draft for approval. */
    public EvidenceRequest submit(Actor actor, Instant at) {
        return move(RequestTransition.SUBMIT, actor, at).build();
    }

    /**
     * Approves and sends the request.
     *
     * @throws RequestRuleException coded {@value FourEyesRule#CODE} when the approver is the author
     */
    public EvidenceRequest approve(Actor actor, Instant at) {
        Changes next = move(RequestTransition.APPROVE, actor, at);
        FourEyesRule.check(author, actor.user());
        next.approver = actor.user();
        return next.build();
    }

    /** Sends the request back to its author for rework instead of approving it. */
    public EvidenceRequest returnToDraft(Actor actor, Instant at) {
        return move(RequestTransition.RETURN_TO_DRAFT, actor, at).build();
    }

    /**
     * Records the requested agency's receipt, which starts the legal clocks; a preservation's expiry is set from the
     * instrument's period.
     */
    public EvidenceRequest receive(Actor actor, Instant at, LegalClock clock) {
        Changes next = move(RequestTransition.RECEIVE, actor, at);
        requireInstrument(clock);
        next.receivedAt = at;
        if (clock.instrument().kind() == InstrumentKind.PRESERVATION) {
            next.preservationExpiry = clock.initialPreservationExpiry(at);
        }
        return next.build();
    }

    /**
     * Accepts the request.
     *
     * @param dueDate the due date the agencies agreed, for instruments without a legal limit; null to keep any
     *                earlier one
     * @throws RequestRuleException coded {@code DUE_DATE_IN_PAST} for a due date not after {@code at}
     */
    public EvidenceRequest accept(Actor actor, Instant at, Instant dueDate) {
        Changes next = move(RequestTransition.ACCEPT, actor, at);
        if (dueDate != null) {
            if (!dueDate.isAfter(at)) {
                throw new RequestRuleException("DUE_DATE_IN_PAST", "an agreed due date must lie in the future");
            }
            next.agreedDueDate = dueDate;
        }
        return next.build();
    }

    /**
     * Refuses the request on a named ground.
     *
     * @throws RequestRuleException coded {@code REFUSAL_GROUND_REQUIRED} without a refusal
     */
    public EvidenceRequest refuse(Actor actor, Instant at, Refusal reason) {
        Changes next = move(RequestTransition.REFUSE, actor, at);
        if (reason == null) {
            throw new RequestRuleException("REFUSAL_GROUND_REQUIRED", "a refusal must name its ground");
        }
        next.refusal = reason;
        return next.build();
    }

    /** Asks the requester for more information; the clocks pause until it is provided. */
    public EvidenceRequest askInformation(Actor actor, Instant at) {
        Changes next = move(RequestTransition.ASK_INFORMATION, actor, at);
        next.pauses.add(PauseInterval.openAt(at));
        return next.build();
    }

    /** Provides the information asked for; the clocks run again and the requested side decides again. */
    public EvidenceRequest provideInformation(Actor actor, Instant at) {
        Changes next = move(RequestTransition.PROVIDE_INFORMATION, actor, at);
        next.closeOpenPause(at);
        return next.build();
    }

    /** Reports progress; the first report moves an accepted request to {@code IN_PROGRESS}. */
    public EvidenceRequest noteProgress(Actor actor, Instant at) {
        return move(RequestTransition.NOTE_PROGRESS, actor, at).build();
    }

    /** Delivers part of the evidence. */
    public EvidenceRequest fulfilPartially(Actor actor, Instant at) {
        return move(RequestTransition.FULFIL_PARTIALLY, actor, at).build();
    }

    /** Delivers the rest of the evidence. */
    public EvidenceRequest fulfil(Actor actor, Instant at) {
        return move(RequestTransition.FULFIL, actor, at).build();
    }

    /** Closes a fulfilled request once the requester has verified what it received. */
    public EvidenceRequest close(Actor actor, Instant at) {
        return move(RequestTransition.CLOSE, actor, at).build();
    }

    /** Withdraws the request; its clocks stop. */
    public EvidenceRequest withdraw(Actor actor, Instant at) {
        Changes next = move(RequestTransition.WITHDRAW, actor, at);
        next.closeOpenPause(at);
        return next.build();
    }

    /**
     * Extends a preservation by {@code extension}, within the instrument's limits.
     *
     * @throws RequestRuleException coded {@code NOT_A_PRESERVATION}, {@code NOT_EXTENDABLE},
     *                              {@code EXTENSION_LIMIT_REACHED}, {@code EXTENSION_TOO_LONG} or
     *                              {@code PRESERVATION_LAPSED} (extending after the expiry)
     */
    public EvidenceRequest extendPreservation(Actor actor, Instant at, LegalClock clock, LegalPeriod extension) {
        Changes next = move(RequestTransition.EXTEND_PRESERVATION, actor, at);
        requireInstrument(clock);
        PreservationRules rules = clock.instrument().preservationRules().orElseThrow(() -> new RequestRuleException(
                "NOT_A_PRESERVATION", instrumentCode + " is not a preservation instrument"));
        if (rules.extendable() && !rules.allowsAnotherExtension(extensionsUsed)) {
            throw new RequestRuleException("EXTENSION_LIMIT_REACHED", instrumentCode + " allows "
                    + rules.maxExtensions() + " extension(s) and " + extensionsUsed + " have been used");
        }
        if (!at.isBefore(preservationExpiry)) {
            throw new RequestRuleException("PRESERVATION_LAPSED", "the preservation lapsed at " + preservationExpiry
                    + "; a new request is needed");
        }
        next.preservationExpiry = clock.extendedPreservationExpiry(preservationExpiry, extension);
        next.extensionsUsed = extensionsUsed + 1;
        return next.build();
    }

    /** When the requested agency accepted the request; null before. Clocks anchored on the decision start there. */
    public Instant decidedAt() {
        return firstAt(RequestTransition.ACCEPT);
    }

    /**
     * The facts the legal clocks need, read from this request. A milestone counts as met when: acknowledging — the
     * first decision, acceptance or question; deciding — acceptance or refusal; executing or responding — full
     * fulfilment or refusal.
     *
     * @throws RequestRuleException coded {@code NOT_RECEIVED} before the receipt
     */
    public ClockInput clockInput() {
        if (receivedAt == null) {
            throw new RequestRuleException("NOT_RECEIVED", "the clocks start at the requested agency's receipt");
        }
        Map<Milestone, Instant> met = new EnumMap<>(Milestone.class);
        putIfPresent(met, Milestone.ACKNOWLEDGE, earliest(firstAt(RequestTransition.ACCEPT),
                firstAt(RequestTransition.REFUSE), firstAt(RequestTransition.ASK_INFORMATION)));
        putIfPresent(met, Milestone.DECIDE, earliest(firstAt(RequestTransition.ACCEPT),
                firstAt(RequestTransition.REFUSE), null));
        Instant answered = earliest(firstAt(RequestTransition.FULFIL), firstAt(RequestTransition.REFUSE), null);
        putIfPresent(met, Milestone.EXECUTE, answered);
        putIfPresent(met, Milestone.RESPOND, answered);
        Instant stoppedAt = status.isTerminal() ? history.get(history.size() - 1).at() : null;
        return new ClockInput(urgency, accessibility, receivedAt, decidedAt(), pauses, agreedDueDate,
                preservationExpiry, met, stoppedAt);
    }

    /** This request's deadlines as they stand at {@code asOf}; empty before the receipt. */
    public List<Deadline> deadlines(LegalClock clock, Instant asOf) {
        requireInstrument(clock);
        return receivedAt == null ? List.of() : clock.deadlines(clockInput(), asOf);
    }

    private void requireInstrument(LegalClock clock) {
        if (!clock.instrument().code().equals(instrumentCode)) {
            throw new IllegalArgumentException("request " + id + " is based on " + instrumentCode + ", not "
                    + clock.instrument().code());
        }
    }

    private Instant firstAt(RequestTransition transition) {
        return history.stream().filter(entry -> entry.transition() == transition).map(HistoryEntry::at)
                .findFirst().orElse(null);
    }

    private static Instant earliest(Instant a, Instant b, Instant c) {
        Instant earliest = null;
        for (Instant candidate : new Instant[] {a, b, c}) {
            if (candidate != null && (earliest == null || candidate.isBefore(earliest))) {
                earliest = candidate;
            }
        }
        return earliest;
    }

    private static void putIfPresent(Map<Milestone, Instant> met, Milestone milestone, Instant at) {
        if (at != null) {
            met.put(milestone, at);
        }
    }

    private Changes move(RequestTransition transition, Actor actor, Instant at) {
        Objects.requireNonNull(at, "at");
        AgencySide side = sideOf(actor.agency());
        RequestStatus next = transition.apply(status, side);
        Changes changes = new Changes(this);
        changes.status = next;
        changes.history.add(new HistoryEntry(transition, side, at, actor.user() + "@" + actor.agency(), status,
                next));
        return changes;
    }

    /** The fields a transition may change, gathered before the new request is built. */
    private static final class Changes {
        private final EvidenceRequest from;
        private RequestStatus status;
        private String approver;
        private final List<HistoryEntry> history;
        private Instant receivedAt;
        private final List<PauseInterval> pauses;
        private Instant agreedDueDate;
        private Instant preservationExpiry;
        private int extensionsUsed;
        private Refusal refusal;

        private Changes(EvidenceRequest from) {
            this.from = from;
            this.status = from.status;
            this.approver = from.approver;
            this.history = new ArrayList<>(from.history);
            this.receivedAt = from.receivedAt;
            this.pauses = new ArrayList<>(from.pauses);
            this.agreedDueDate = from.agreedDueDate;
            this.preservationExpiry = from.preservationExpiry;
            this.extensionsUsed = from.extensionsUsed;
            this.refusal = from.refusal;
        }

        private void closeOpenPause(Instant at) {
            for (int i = 0; i < pauses.size(); i++) {
                if (pauses.get(i).isOpen()) {
                    pauses.set(i, pauses.get(i).closedAt(at));
                }
            }
        }

        private EvidenceRequest build() {
            return new EvidenceRequest(from.id, from.caseId, from.requestingAgency, from.requestedAgency,
                    from.instrumentCode, from.type, from.urgency, from.accessibility, from.legalBasis,
                    from.justification, from.items, status, from.author, approver, history, receivedAt, pauses,
                    agreedDueDate, preservationExpiry, extensionsUsed, refusal);
        }
    }
}
