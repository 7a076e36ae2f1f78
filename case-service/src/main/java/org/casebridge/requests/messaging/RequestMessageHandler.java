package org.casebridge.requests.messaging;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.casebridge.audit.app.AuditTrail;
import org.casebridge.audit.domain.AuditAction;
import org.casebridge.audit.domain.AuditActor;
import org.casebridge.audit.domain.AuditEvent;
import org.casebridge.directory.HandlingMarking;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.events.v1.DomainEventType;
import org.casebridge.exchange.app.InboundMessageHandler;
import org.casebridge.exchange.app.PartnerMessenger;
import org.casebridge.exchange.domain.MessageRefusal;
import org.casebridge.messages.v1.EvidenceRequestClosed;
import org.casebridge.messages.v1.EvidenceRequestDecided;
import org.casebridge.messages.v1.EvidenceRequestFulfilled;
import org.casebridge.messages.v1.EvidenceRequestInformationProvided;
import org.casebridge.messages.v1.EvidenceRequestProgressNoted;
import org.casebridge.messages.v1.EvidenceRequestReceived;
import org.casebridge.messages.v1.EvidenceRequestSent;
import org.casebridge.messages.v1.EvidenceRequestWithdrawn;
import org.casebridge.messages.v1.PreservationExtended;
import org.casebridge.requests.app.RequestClocks;
import org.casebridge.requests.app.RequestEvents;
import org.casebridge.requests.domain.Actor;
import org.casebridge.requests.domain.AgencySide;
import org.casebridge.requests.domain.CustodyAction;
import org.casebridge.requests.domain.CustodyEntry;
import org.casebridge.requests.domain.Deadline;
import org.casebridge.requests.domain.DeadlineSummary;
import org.casebridge.requests.domain.EvidenceManifest;
import org.casebridge.requests.domain.EvidenceRequest;
import org.casebridge.requests.domain.HistoryEntry;
import org.casebridge.requests.domain.HistoryNote;
import org.casebridge.requests.domain.IllegalTransitionException;
import org.casebridge.requests.domain.Instrument;
import org.casebridge.requests.domain.InvalidRequestException;
import org.casebridge.requests.domain.LegalClock;
import org.casebridge.requests.domain.LegalPeriod;
import org.casebridge.requests.domain.ManifestDiscrepancy;
import org.casebridge.requests.domain.ReceivedManifest;
import org.casebridge.requests.domain.Refusal;
import org.casebridge.requests.domain.RefusalGround;
import org.casebridge.requests.domain.RequestDirection;
import org.casebridge.requests.domain.RequestRuleException;
import org.casebridge.requests.domain.RequestStatus;
import org.casebridge.requests.domain.RequestTransition;
import org.casebridge.requests.domain.TrackedRequest;
import org.casebridge.requests.persistence.RequestStore;
import org.casebridge.schema.codec.VerifiedMessage;
import org.casebridge.support.agency.AgencyConfiguration;

/**
 * Applies partners' evidence request messages. Each one is a transition of the request's lifecycle and is checked
 * here exactly as the sender checked it: by the sender's side and the request's status. A message the lifecycle does
 * not allow is refused ({@code ILLEGAL_TRANSITION}) and changes nothing.
 *
 * <p>On the requested side the request's receipt starts its legal clocks; the deadline computed here travels back in
 * {@code EvidenceRequestReceived}. On the requesting side a delivered manifest is checked (its fields, and items
 * delivered before under the same evidence id), hashed, and recorded with a custody entry for the transfer; a
 * mismatch is flagged on the request, audited and announced.
 */
@Singleton
public class RequestMessageHandler implements InboundMessageHandler {

    static final String AGGREGATE = "evidence-request";
    static final String AUDIT_OBJECT = "EVIDENCE_REQUEST";

    private final RequestStore requests;
    private final RequestMessages messages;
    private final RequestClocks clocks;
    private final RequestEvents events;
    private final PartnerDirectory directory;
    private final AgencyConfiguration agency;
    private final PartnerMessenger messenger;
    private final AuditTrail audit;

    public RequestMessageHandler(RequestStore requests, RequestMessages messages, RequestClocks clocks,
                                 RequestEvents events, PartnerDirectory directory, AgencyConfiguration agency,
                                 PartnerMessenger messenger, AuditTrail audit) {
        this.requests = requests;
        this.messages = messages;
        this.clocks = clocks;
        this.events = events;
        this.directory = directory;
        this.agency = agency;
        this.messenger = messenger;
        this.audit = audit;
    }

    @Override
    public Set<Class<? extends SpecificRecord>> payloadTypes() {
        return Set.of(EvidenceRequestSent.class, EvidenceRequestReceived.class, EvidenceRequestDecided.class,
                EvidenceRequestInformationProvided.class, EvidenceRequestProgressNoted.class,
                EvidenceRequestFulfilled.class, EvidenceRequestWithdrawn.class, PreservationExtended.class,
                EvidenceRequestClosed.class);
    }

    @Override
    public void apply(VerifiedMessage message) {
        SpecificRecord payload = message.payload();
        if (payload instanceof EvidenceRequestSent sent) {
            applySent(message, sent);
        } else if (payload instanceof EvidenceRequestReceived received) {
            applyReceived(message, received);
        } else if (payload instanceof EvidenceRequestDecided decided) {
            applyDecided(message, decided);
        } else if (payload instanceof EvidenceRequestInformationProvided provided) {
            applyInformation(message, provided);
        } else if (payload instanceof EvidenceRequestProgressNoted progress) {
            applyProgress(message, progress);
        } else if (payload instanceof EvidenceRequestFulfilled fulfilled) {
            applyFulfilled(message, fulfilled);
        } else if (payload instanceof EvidenceRequestWithdrawn withdrawn) {
            applyWithdrawn(message, withdrawn);
        } else if (payload instanceof PreservationExtended extended) {
            applyExtended(message, extended);
        } else if (payload instanceof EvidenceRequestClosed closed) {
            applyClosed(message, closed);
        }
    }

    private void applySent(VerifiedMessage message, EvidenceRequestSent sent) {
        String sender = message.senderAgency();
        if (!sender.equals(sent.getRequestingAgency())) {
            throw new MessageRefusal("VALIDATION_FAILED", "a request from " + sender + " names "
                    + sent.getRequestingAgency() + " as its requesting agency");
        }
        if (!agency.getCode().equals(sent.getRequestedAgency())) {
            throw new MessageRefusal("WRONG_RECIPIENT", "request " + sent.getRequestId() + " is addressed to "
                    + sent.getRequestedAgency());
        }
        if (requests.exists(sent.getRequestId())) {
            throw new MessageRefusal(IllegalTransitionException.CODE, "request " + sent.getRequestId()
                    + " was received before; it cannot be sent again");
        }
        HandlingMarking marking = RequestMessages.marking(message.handlingMarking());
        HandlingMarking ceiling = directory.require(agency.getCode()).sharingCeiling();
        if (!ceiling.permits(marking)) {
            throw new MessageRefusal("MARKING_CEILING", "a request marked " + marking.label()
                    + " exceeds this agency's ceiling " + ceiling.label());
        }
        Instrument instrument = clocks.catalogue().find(sent.getInstrument()).orElseThrow(() -> new MessageRefusal(
                "VALIDATION_FAILED", "instrument: unknown instrument " + sent.getInstrument() + " (catalogue "
                        + clocks.catalogue().version() + ")"));
        Instant submittedAt = sent.getSubmittedAt();
        String author = messages.authorOf(sent);
        EvidenceRequest checked = refuseOnRule(() -> EvidenceRequest.draft(sent.getRequestId(),
                sent.getCaseId() != null ? sent.getCaseId() : sent.getRequestId(), sender, sent.getRequestedAgency(),
                instrument, RequestMessages.type(sent.getRequestType()), RequestMessages.urgency(sent.getUrgency()),
                messages.accessibilityOf(sent), sent.getLegalBasis(), sent.getDescription(), messages.itemsOf(sent),
                author, submittedAt));
        // the requester's approval, as the requester recorded it; this node's history continues from there
        HistoryEntry approval = new HistoryEntry(RequestTransition.APPROVE, AgencySide.REQUESTING, submittedAt,
                sent.getApprovedBy() + "@" + sender, RequestStatus.AWAITING_APPROVAL, RequestStatus.SENT);
        EvidenceRequest asSent = new EvidenceRequest(checked.id(), checked.caseId(), checked.requestingAgency(),
                checked.requestedAgency(), checked.instrumentCode(), checked.type(), checked.urgency(),
                checked.accessibility(), checked.legalBasis(), checked.justification(), checked.items(),
                RequestStatus.SENT, author, sent.getApprovedBy(), List.of(approval), null, List.of(),
                null, null, 0, null);
        Instant now = clocks.now();
        LegalClock clock = clocks.of(asSent);
        EvidenceRequest received = refuseOnRule(() -> asSent.receive(new Actor(agency.getCode(), "system"), now,
                clock));
        DeadlineSummary summary = DeadlineSummary.of(received, clock, now);
        String rule = deadlineRule(received, clock, now);
        UUID reply = messenger.send(sender, AGGREGATE, received.id(), marking, messages.received(received.id(), now,
                summary.responseDueAt() != null ? summary.responseDueAt() : summary.nextDueAt(), rule,
                received.preservationExpiry(), sent.getReference()), message.correlationId(), message.messageId());
        TrackedRequest tracked = new TrackedRequest(received, sent.getReference(), RequestDirection.INBOUND,
                sent.getCaseReference(), marking, sent.getCrimeCategories(), messages.itemIdsOf(sent),
                sent.getAgreedDueDate(), List.of(new HistoryNote(null, message.messageId()),
                new HistoryNote(rule, reply)), now, false, 1);
        requests.insert(tracked, summary, now);
        Instant due = summary.nextDueAt();
        events.publish(tracked, DomainEventType.REQUEST_RECEIVED, "New evidence request " + tracked.reference()
                        + " from " + sender + " (" + instrument.code() + ", " + received.urgency() + ")"
                        + (due != null ? ", due " + due : ""), null, due, message.messageId(),
                rule == null ? Map.of() : Map.of("deadlineRule", rule));
        audit(message, AuditAction.REQUEST_RECEIVED, tracked, "received from " + sender + "; " + rule);
    }

    private void applyReceived(VerifiedMessage message, EvidenceRequestReceived received) {
        TrackedRequest current = ownRequest(message, received.getRequestId());
        EvidenceRequest r = current.request();
        LegalClock clock = clocks.of(r);
        EvidenceRequest next = refuseOnRule(() -> r.receive(partner(message, "system"), received.getReceivedAt(),
                clock));
        TrackedRequest tracked = store(current.moved(next, new HistoryNote(received.getDeadlineRule(),
                message.messageId())));
        Instant due = clocks.summary(next, clocks.now()).nextDueAt();
        events.publish(tracked, DomainEventType.REQUEST_RECEIVED, message.senderAgency() + " received "
                        + tracked.reference() + (due != null ? "; due " + due : ""), null, due, message.messageId(),
                Map.of());
        audit(message, AuditAction.REQUEST_RECEIVED, tracked, "receipt confirmed by " + message.senderAgency());
    }

    private void applyDecided(VerifiedMessage message, EvidenceRequestDecided decided) {
        TrackedRequest current = ownRequest(message, decided.getRequestId());
        EvidenceRequest r = current.request();
        Actor actor = partner(message, decided.getDecidedBy());
        Instant at = decided.getDecidedAt();
        EvidenceRequest next;
        String note;
        DomainEventType type;
        String title;
        switch (decided.getDecision()) {
            case ACCEPTED -> {
                Instrument instrument = clocks.catalogue().require(r.instrumentCode());
                Instant proposed = current.proposedDueAt();
                Instant agreed = instrument.hasAgreedDueDate() && proposed != null && proposed.isAfter(at)
                        ? proposed : null;
                next = refuseOnRule(() -> r.accept(actor, at, agreed));
                note = decided.getExplanation();
                type = DomainEventType.REQUEST_DECIDED;
                title = message.senderAgency() + " accepted " + current.reference();
            }
            case REFUSED -> {
                RefusalGround ground = RequestMessages.refusalGround(decided.getRefusalGround());
                if (ground == null) {
                    // lifecycle first, so an out-of-order refusal is refused as such
                    requireAllowed(r, RequestTransition.REFUSE, message);
                    throw new MessageRefusal("VALIDATION_FAILED", "refusalGround: a refusal names its ground");
                }
                Refusal refusal = refuseOnRule(() -> new Refusal(ground, decided.getExplanation()));
                next = refuseOnRule(() -> r.refuse(actor, at, refusal));
                note = ground + (refusal.detail() == null ? "" : ": " + refusal.detail());
                type = DomainEventType.REQUEST_DECIDED;
                title = message.senderAgency() + " refused " + current.reference() + " (" + ground + ")";
            }
            case INFORMATION_NEEDED -> {
                next = refuseOnRule(() -> r.askInformation(actor, at));
                note = decided.getInformationNeeded();
                type = DomainEventType.INFORMATION_REQUESTED;
                title = message.senderAgency() + " needs information on " + current.reference()
                        + "; the clock is paused";
            }
            default -> throw new MessageRefusal("VALIDATION_FAILED", "decision: " + decided.getDecision()
                    + " is not a decision this node knows");
        }
        TrackedRequest tracked = store(current.moved(next, new HistoryNote(note, message.messageId())));
        events.publish(tracked, type, title, actor.user() + "@" + actor.agency(),
                clocks.summary(next, clocks.now()).nextDueAt(), message.messageId(),
                note == null ? Map.of("decision", decided.getDecision().name())
                        : Map.of("decision", decided.getDecision().name(), "note", truncate(note)));
        audit(message, AuditAction.REQUEST_ANSWERED, tracked, decided.getDecision() + " by " + message.senderAgency());
    }

    private void applyInformation(VerifiedMessage message, EvidenceRequestInformationProvided provided) {
        TrackedRequest current = ownRequest(message, provided.getRequestId());
        EvidenceRequest next = refuseOnRule(() -> current.request().provideInformation(partner(message, "partner"),
                provided.getProvidedAt()));
        TrackedRequest tracked = store(current.moved(next, new HistoryNote(provided.getInformation(),
                message.messageId())));
        Instant due = clocks.summary(next, clocks.now()).nextDueAt();
        events.publish(tracked, DomainEventType.INFORMATION_PROVIDED, message.senderAgency()
                        + " provided the information asked for on " + tracked.reference() + "; the clock runs again",
                null, due, message.messageId(), Map.of());
        audit(message, AuditAction.REQUEST_UPDATED, tracked, "information provided by " + message.senderAgency());
    }

    private void applyProgress(VerifiedMessage message, EvidenceRequestProgressNoted progress) {
        TrackedRequest current = ownRequest(message, progress.getRequestId());
        EvidenceRequest next = refuseOnRule(() -> current.request().noteProgress(partner(message, "partner"),
                progress.getNotedAt()));
        TrackedRequest tracked = store(current.moved(next, new HistoryNote(progress.getNote(), message.messageId())));
        audit(message, AuditAction.REQUEST_UPDATED, tracked, "progress noted by " + message.senderAgency());
    }

    private void applyFulfilled(VerifiedMessage message, EvidenceRequestFulfilled fulfilled) {
        TrackedRequest current = ownRequest(message, fulfilled.getRequestId());
        EvidenceRequest r = current.request();
        Actor actor = partner(message, "partner");
        EvidenceRequest next = refuseOnRule(() -> fulfilled.getComplete()
                ? r.fulfil(actor, fulfilled.getFulfilledAt()) : r.fulfilPartially(actor, fulfilled.getFulfilledAt()));
        // a malformed manifest (a hash that is no SHA-256, a missing field) is refused, never recorded
        EvidenceManifest manifest = refuseOnRule(() -> messages.manifestOf(fulfilled, message.senderAgency()));
        List<UUID> evidenceIds = messages.evidenceIdsOf(fulfilled);
        List<ReceivedManifest> earlier = requests.manifests(r.id());
        if (earlier.stream().anyMatch(m -> m.id().equals(fulfilled.getManifest().getManifestId()))) {
            throw new MessageRefusal("DUPLICATE", "manifest " + fulfilled.getManifest().getManifestId()
                    + " was delivered before");
        }
        List<ManifestDiscrepancy> discrepancies = new ArrayList<>(
                ReceivedManifest.compareWithEarlier(manifest, evidenceIds, earlier));
        for (int i = 0; i < evidenceIds.size(); i++) {
            UUID requestItem = fulfilled.getManifest().getItems().get(i).getRequestItemId();
            if (requestItem != null && !current.itemIds().contains(requestItem)) {
                discrepancies.add(new ManifestDiscrepancy("items[" + i + "].requestItemId", "an item of "
                        + current.reference(), requestItem.toString()));
            }
        }
        Instant now = clocks.now();
        String hash = manifest.hash();
        boolean intact = discrepancies.isEmpty();
        Map<Integer, List<CustodyEntry>> custody = new HashMap<>();
        for (int i = 0; i < manifest.items().size(); i++) {
            custody.put(i, List.of(new CustodyEntry("inbox@" + agency.getCode(), now, CustodyAction.TRANSFERRED,
                    "received from " + message.senderAgency() + " in signed message " + message.messageId()
                            + "; manifest sha256 " + hash + (intact ? "" : "; MISMATCH"))));
        }
        ReceivedManifest recorded = new ReceivedManifest(fulfilled.getManifest().getManifestId(),
                fulfilled.getComplete(), manifest, evidenceIds, messages.requestItemIdsOf(fulfilled), now, hash,
                discrepancies, fulfilled.getManifest().getDeliveryChannel(),
                fulfilled.getManifest().getDeliveryReference(), fulfilled.getNote(), message.messageId(), custody);
        requests.insertManifest(r.id(), recorded);
        TrackedRequest moved = current.moved(next, new HistoryNote(fulfilled.getNote(), message.messageId()));
        TrackedRequest tracked = store(intact ? moved : moved.withManifestMismatch());
        String what = fulfilled.getComplete() ? "delivered the evidence for " : "delivered part of the evidence for ";
        Map<String, String> details = new java.util.LinkedHashMap<>();
        details.put("complete", Boolean.toString(fulfilled.getComplete()));
        details.put("manifestId", recorded.id().toString());
        details.put("manifestSha256", hash);
        details.put("manifestVerification", intact ? "INTACT" : "MISMATCH");
        events.publish(tracked, DomainEventType.REQUEST_FULFILLED, (intact ? "" : "MANIFEST MISMATCH: ")
                        + message.senderAgency() + " " + what + tracked.reference() + " (" + manifest.items().size()
                        + " item(s))" + (intact ? "" : "; " + describe(discrepancies)), null, null,
                message.messageId(), details);
        if (!intact) {
            audit.record(AuditEvent.failed(AuditAction.REQUEST_RECEIVED, AUDIT_OBJECT, r.id().toString())
                            .withDetail("manifest " + recorded.id() + " MISMATCH: " + describe(discrepancies)),
                    AuditActor.partner(message.senderAgency(), message.messageId().toString()));
        }
        audit(message, AuditAction.REQUEST_ANSWERED, tracked, (fulfilled.getComplete() ? "fulfilled" : "partially"
                + " fulfilled") + " by " + message.senderAgency() + "; manifest sha256 " + hash
                + (intact ? " INTACT" : " MISMATCH"));
    }

    private void applyWithdrawn(VerifiedMessage message, EvidenceRequestWithdrawn withdrawn) {
        TrackedRequest current = ownRequest(message, withdrawn.getRequestId());
        EvidenceRequest next = refuseOnRule(() -> current.request().withdraw(partner(message, "partner"),
                withdrawn.getWithdrawnAt()));
        TrackedRequest tracked = store(current.moved(next, new HistoryNote(withdrawn.getReason(),
                message.messageId())));
        events.publish(tracked, DomainEventType.REQUEST_WITHDRAWN, message.senderAgency() + " withdrew "
                + tracked.reference(), null, null, message.messageId(), Map.of("reason", truncate(withdrawn.getReason())));
        audit(message, AuditAction.REQUEST_UPDATED, tracked, "withdrawn by " + message.senderAgency());
    }

    private void applyClosed(VerifiedMessage message, EvidenceRequestClosed closed) {
        TrackedRequest current = ownRequest(message, closed.getRequestId());
        Actor actor = partner(message, closed.getClosedBy());
        EvidenceRequest next = refuseOnRule(() -> current.request().close(actor, closed.getClosedAt()));
        TrackedRequest tracked = store(current.moved(next, new HistoryNote(closed.getNote(), message.messageId())));
        events.publish(tracked, DomainEventType.REQUEST_CLOSED, message.senderAgency() + " closed "
                        + tracked.reference() + " after checking the evidence", actor.user() + "@" + actor.agency(),
                null, message.messageId(), closed.getNote() == null ? Map.of() : Map.of("note", truncate(closed.getNote())));
        audit(message, AuditAction.REQUEST_UPDATED, tracked, "closed by " + message.senderAgency());
    }

    private void applyExtended(VerifiedMessage message, PreservationExtended extended) {
        TrackedRequest current = ownRequest(message, extended.getRequestId());
        EvidenceRequest r = current.request();
        LegalClock clock = clocks.of(r);
        Instant currentExpiry = r.preservationExpiry();
        if (currentExpiry == null || !extended.getPreservedUntil().isAfter(currentExpiry)) {
            // lifecycle first: an extension out of order is refused as an illegal transition
            requireAllowed(r, RequestTransition.EXTEND_PRESERVATION, message);
            throw new MessageRefusal("VALIDATION_FAILED", "preservedUntil: must be after the current expiry "
                    + currentExpiry);
        }
        LegalPeriod extension = periodBetween(currentExpiry, extended.getPreservedUntil(), clock.zone());
        EvidenceRequest next = refuseOnRule(() -> r.extendPreservation(partner(message, "partner"),
                extended.getExtendedAt(), clock, extension));
        if (!next.preservationExpiry().equals(extended.getPreservedUntil())) {
            throw new MessageRefusal("VALIDATION_FAILED", "preservedUntil: " + extended.getPreservedUntil()
                    + " does not follow from an extension of " + extension);
        }
        TrackedRequest tracked = store(current.moved(next, new HistoryNote(extended.getNote(), message.messageId())));
        audit(message, AuditAction.REQUEST_UPDATED, tracked, "preservation extended by " + message.senderAgency()
                + " to " + extended.getPreservedUntil());
    }

    /** The extension from one expiry to the next: whole days in the zone where it is that, else exact time. */
    static LegalPeriod periodBetween(Instant from, Instant to, ZoneId zone) {
        LocalDateTime start = LocalDateTime.ofInstant(from, zone);
        long days = ChronoUnit.DAYS.between(start.toLocalDate(), LocalDateTime.ofInstant(to, zone).toLocalDate());
        if (days > 0 && from.atZone(zone).plusDays(days).toInstant().equals(to)) {
            return LegalPeriod.parse("P" + days + "D");
        }
        return LegalPeriod.parse("PT" + java.time.Duration.between(from, to).toSeconds() + "S");
    }

    private static void requireAllowed(EvidenceRequest r, RequestTransition transition, VerifiedMessage message) {
        AgencySide side = refuseOnRule(() -> r.sideOf(message.senderAgency()));
        if (!transition.isAllowed(r.status(), side)) {
            throw new MessageRefusal(IllegalTransitionException.CODE,
                    new IllegalTransitionException(r.status(), transition, side).getMessage());
        }
    }

    private TrackedRequest ownRequest(VerifiedMessage message, UUID requestId) {
        TrackedRequest tracked = requests.lock(requestId).orElseThrow(() -> new MessageRefusal("UNKNOWN_AGGREGATE",
                "this agency holds no evidence request " + requestId));
        if (!tracked.counterpart().equals(message.senderAgency())) {
            throw new MessageRefusal("NOT_SHARED", message.senderAgency() + " is not the other party to request "
                    + requestId);
        }
        return tracked;
    }

    private TrackedRequest store(TrackedRequest next) {
        Instant now = clocks.now();
        if (!requests.update(next, clocks.summary(next.request(), now), now)) {
            throw new IllegalStateException("request " + next.id() + " changed while locked");
        }
        return next;
    }

    private static Actor partner(VerifiedMessage message, String user) {
        return new Actor(message.senderAgency(), user == null || user.isBlank() ? "partner" : user);
    }

    /** The rule of the clock that governs the request, as the requested agency states it in its receipt. */
    private static String deadlineRule(EvidenceRequest request, LegalClock clock, Instant asOf) {
        List<String> parts = new ArrayList<>();
        for (Deadline deadline : request.deadlines(clock, asOf)) {
            parts.add(deadline.milestone() + " " + (deadline.agreed() ? "agreed" : deadline.period().toString())
                    + " by " + deadline.dueAt());
        }
        return clock.instrument().code() + " " + request.urgency() + ": " + (parts.isEmpty()
                ? "no legal limit; the due date is agreed on acceptance" : String.join("; ", parts))
                + " (zone " + clock.zone() + ")";
    }

    /** Runs a domain step; a rule it breaks refuses the message with the matching receipt code. */
    private static <T> T refuseOnRule(Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalTransitionException e) {
            throw new MessageRefusal(IllegalTransitionException.CODE, e.getMessage());
        } catch (InvalidRequestException e) {
            throw new MessageRefusal("VALIDATION_FAILED", e.getMessage());
        } catch (RequestRuleException e) {
            throw new MessageRefusal("NOT_A_PARTY".equals(e.code()) ? "NOT_SHARED" : "VALIDATION_FAILED",
                    e.code() + ": " + e.getMessage());
        }
    }

    private void audit(VerifiedMessage message, AuditAction action, TrackedRequest tracked, String detail) {
        audit.record(AuditEvent.success(action, AUDIT_OBJECT, tracked.id().toString())
                        .withDetail(truncate(tracked.reference() + ": " + detail)),
                AuditActor.partner(message.senderAgency(), message.messageId().toString()));
    }

    private static String describe(List<ManifestDiscrepancy> discrepancies) {
        return truncate(String.join(", ", discrepancies.stream().map(d -> d.field() + " expected " + d.expected()
                + " got " + d.actual()).toList()));
    }

    private static String truncate(String text) {
        return text == null || text.length() <= AuditEvent.MAX_DETAIL_LENGTH ? text
                : text.substring(0, AuditEvent.MAX_DETAIL_LENGTH);
    }
}
