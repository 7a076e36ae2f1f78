package org.casebridge.requests.app;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.retry.annotation.Retryable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebridge.node.persistence.TransientConflict;
import org.casebridge.audit.app.AuditTrail;
import org.casebridge.audit.domain.AuditAction;
import org.casebridge.audit.domain.AuditEvent;
import org.casebridge.cases.domain.CaseFile;
import org.casebridge.cases.domain.SharingDecision;
import org.casebridge.cases.domain.SharingPolicy;
import org.casebridge.cases.persistence.CaseStore;
import org.casebridge.directory.PartnerAgency;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.events.v1.DomainEventType;
import org.casebridge.exchange.app.PartnerMessenger;
import org.casebridge.messages.v1.EvidenceRequestFulfilled;
import org.casebridge.requests.domain.Actor;
import org.casebridge.requests.domain.CustodyAction;
import org.casebridge.requests.domain.CustodyEntry;
import org.casebridge.requests.domain.DeadlineSummary;
import org.casebridge.requests.domain.EvidenceManifest;
import org.casebridge.requests.domain.EvidenceRequest;
import org.casebridge.requests.domain.FieldViolation;
import org.casebridge.requests.domain.HistoryNote;
import org.casebridge.requests.domain.IllegalTransitionException;
import org.casebridge.requests.domain.Instrument;
import org.casebridge.requests.domain.InvalidRequestException;
import org.casebridge.requests.domain.LegalPeriod;
import org.casebridge.requests.domain.ManifestDiscrepancy;
import org.casebridge.requests.domain.ManifestVerification;
import org.casebridge.requests.domain.ReceivedManifest;
import org.casebridge.requests.domain.Refusal;
import org.casebridge.requests.domain.RequestDirection;
import org.casebridge.requests.domain.RequestItem;
import org.casebridge.requests.domain.RequestRuleException;
import org.casebridge.requests.domain.RequestTransition;
import org.casebridge.requests.domain.TrackedRequest;
import org.casebridge.requests.messaging.RequestMessages;
import org.casebridge.requests.persistence.RequestQuery;
import org.casebridge.requests.persistence.RequestStore;
import org.casebridge.support.agency.AgencyConfiguration;
import org.casebridge.support.problem.ProblemDetail;
import org.casebridge.support.problem.ProblemException;

/**
 * What officers do with evidence requests. Each step, the partner message it causes, its domain event and its
 * audit entry commit in one transaction; the partner applies the same transition when the signed message arrives.
 */
// A deadlock with a partner's message arriving at the same moment is repeated, not shown to the officer as an error.
@Retryable(attempts = "4", delay = "20ms", multiplier = "3", predicate = TransientConflict.class)
@Singleton
public class EvidenceRequestService {

    static final String AGGREGATE = "evidence-request";
    static final String AUDIT_OBJECT = "EVIDENCE_REQUEST";

    private final RequestStore requests;
    private final CaseStore cases;
    private final PartnerDirectory directory;
    private final AgencyConfiguration agency;
    private final PartnerMessenger messenger;
    private final RequestMessages messages;
    private final RequestEvents events;
    private final RequestClocks clocks;
    private final AuditTrail audit;

    public EvidenceRequestService(RequestStore requests, CaseStore cases, PartnerDirectory directory,
                                  AgencyConfiguration agency, PartnerMessenger messenger, RequestMessages messages,
                                  RequestEvents events, RequestClocks clocks, AuditTrail audit) {
        this.requests = requests;
        this.cases = cases;
        this.directory = directory;
        this.agency = agency;
        this.messenger = messenger;
        this.messages = messages;
        this.events = events;
        this.clocks = clocks;
        this.audit = audit;
    }

    @Transactional
    public TrackedRequest draft(NewRequest input, String user) {
        Instant now = clocks.now();
        List<FieldViolation> violations = new ArrayList<>();
        CaseFile caseFile = cases.find(input.caseId()).orElse(null);
        if (caseFile == null) {
            violations.add(new FieldViolation("caseId", "no case " + input.caseId() + " at " + agency.getCode()));
        }
        Instrument instrument = clocks.catalogue().find(input.instrument()).orElse(null);
        if (instrument == null) {
            violations.add(new FieldViolation("instrument", "unknown instrument " + input.instrument()
                    + " (catalogue " + clocks.catalogue().version() + "; see GET /api/v1/instruments)"));
        }
        if (input.requestedAgency() != null && !input.requestedAgency().equals(agency.getCode())
                && directory.find(input.requestedAgency()).isEmpty()) {
            violations.add(new FieldViolation("requestedAgency", "no agency " + input.requestedAgency()
                    + " in the partner directory"));
        }
        List<RequestItem> items = input.items() == null ? List.of() : input.items();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) != null && items.get(i).timeRange() == null) {
                violations.add(new FieldViolation("items[" + i + "].timeRange",
                        "is required: every item names the period of data wanted"));
            }
        }
        if (input.dueDate() != null && instrument != null) {
            if (!instrument.hasAgreedDueDate()) {
                violations.add(new FieldViolation("dueDate", instrument.code()
                        + " sets its own legal deadlines; a due date is proposed only where none exists"));
            } else if (!input.dueDate().isAfter(now)) {
                violations.add(new FieldViolation("dueDate", "must lie in the future"));
            }
        }
        EvidenceRequest drafted = null;
        if (instrument != null) {
            try {
                drafted = EvidenceRequest.draft(UUID.randomUUID(), input.caseId(), agency.getCode(),
                        input.requestedAgency(), instrument, input.type(), input.urgency(), input.accessibility(),
                        input.legalBasis(), input.justification(), items, user, now);
            } catch (InvalidRequestException e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        requireSharable(caseFile, input.requestedAgency());
        int year = now.atZone(ZoneOffset.UTC).getYear();
        String reference = String.format("%s-ER-%d-%06d", agency.getCode(), year, requests.nextReferenceNumber(year));
        List<UUID> itemIds = items.stream().map(item -> UUID.randomUUID()).toList();
        TrackedRequest tracked = new TrackedRequest(drafted, reference, RequestDirection.OUTBOUND,
                caseFile.reference().value(), caseFile.marking(), caseFile.sortedCategories(), itemIds,
                input.dueDate(), List.of(), now, false, 1);
        requests.insert(tracked, clocks.summary(drafted, now), now);
        audit.record(AuditEvent.success(AuditAction.REQUEST_CREATED, AUDIT_OBJECT, drafted.id().toString())
                .withDetail(reference + " to " + drafted.requestedAgency() + " under " + drafted.instrumentCode()));
        return tracked;
    }

    @Transactional
    public TrackedRequest submit(UUID id, String user) {
        Instant now = clocks.now();
        TrackedRequest current = lock(id);
        TrackedRequest next = current.moved(rule(() -> current.request().submit(actor(user), now)), HistoryNote.NONE);
        store(next, now);
        events.publish(next, DomainEventType.REQUEST_AWAITING_APPROVAL, "Approval needed: " + next.reference()
                        + " to " + next.counterpart() + " (" + next.request().instrumentCode() + ", "
                        + next.request().urgency() + ") drafted by " + user, user, null, null,
                Map.of("author", user));
        audit.record(AuditEvent.success(AuditAction.REQUEST_UPDATED, AUDIT_OBJECT, id.toString())
                .withDetail("submitted for approval"));
        return next;
    }

    @Transactional
    public TrackedRequest approve(UUID id, String user) {
        Instant now = clocks.now();
        TrackedRequest current = lock(id);
        EvidenceRequest approved = rule(() -> current.request().approve(actor(user), now));
        CaseFile caseFile = cases.find(current.request().caseId()).orElseThrow(() -> ProblemException.conflict(
                "CASE_GONE", "case " + current.request().caseId() + " no longer exists at " + agency.getCode()));
        // the marking may have been raised since the draft: check the partner may still receive it
        requireSharable(caseFile, current.request().requestedAgency());
        TrackedRequest withStatus = current.moved(approved, HistoryNote.NONE);
        UUID messageId = messenger.send(approved.requestedAgency(), AGGREGATE, id, current.marking(),
                messages.sent(withStatus, now), null, null);
        TrackedRequest next = current.moved(approved, new HistoryNote(null, messageId));
        store(next, now);
        audit.record(AuditEvent.success(AuditAction.REQUEST_APPROVED, AUDIT_OBJECT, id.toString())
                .withDetail("approved by " + user + "; author " + current.request().author()));
        audit.record(AuditEvent.success(AuditAction.REQUEST_SENT, AUDIT_OBJECT, id.toString())
                .withDetail("to " + approved.requestedAgency() + " in message " + messageId));
        return next;
    }

    @Transactional
    public RequestStore.RequestPage list(RequestQuery query) {
        RequestStore.RequestPage page = requests.search(query);
        audit.record(AuditEvent.success(AuditAction.REQUEST_READ, AUDIT_OBJECT, null)
                .withDetail(page.requests().size() + " rows listed"));
        return page;
    }

    @Transactional
    public RequestDetails read(UUID id) {
        RequestDetails details = details(id);
        audit.record(AuditEvent.success(AuditAction.REQUEST_READ, AUDIT_OBJECT, id.toString()));
        return details;
    }

    /**
     * The request as a change just left it, for the answer to that change (whose audit entry covers it).
     */
    @Transactional(readOnly = true)
    public RequestDetails afterChange(UUID id) {
        return details(id);
    }

    private RequestDetails details(UUID id) {
        TrackedRequest tracked = requests.find(id).orElseThrow(() -> notFound(id));
        Instant now = clocks.now();
        var clock = clocks.of(tracked.request());
        List<ReceivedManifest> manifests = requests.manifests(id);
        List<ManifestVerification> checks = manifests.stream().map(ReceivedManifest::verifyStored).toList();
        RequestDetails details = new RequestDetails(tracked, clock.instrument(), tracked.request().deadlines(clock, now),
                now, manifests, checks, requests.notifications(id));
        return details;
    }

    @Transactional
    public TrackedRequest decide(UUID id, DecisionInput input, String user) {
        Instant now = clocks.now();
        TrackedRequest current = lock(id);
        EvidenceRequest r = current.request();
        EvidenceRequest decided;
        org.apache.avro.specific.SpecificRecord message;
        String noteText;
        DomainEventType eventType = null;
        switch (input.decision()) {
            case ACCEPT -> {
                decided = rule(() -> r.accept(actor(user), now, agreedDueDate(current, now)));
                message = messages.accepted(id, user, now, input.explanation());
                noteText = input.explanation();
            }
            case REFUSE -> {
                if (input.ground() == null) {
                    requireAllowed(r, RequestTransition.REFUSE); // illegal transitions before missing fields
                    throw invalid(List.of(new FieldViolation("ground", "a refusal names its ground")));
                }
                Refusal refusal = rule(() -> new Refusal(input.ground(), input.explanation()));
                decided = rule(() -> r.refuse(actor(user), now, refusal));
                message = messages.refused(id, refusal, user, now);
                noteText = refusal.ground() + (refusal.detail() == null ? "" : ": " + refusal.detail());
            }
            default -> {
                if (input.question() == null || input.question().isBlank()) {
                    requireAllowed(r, RequestTransition.ASK_INFORMATION);
                    throw invalid(List.of(new FieldViolation("question", "say which information is needed")));
                }
                decided = rule(() -> r.askInformation(actor(user), now));
                message = messages.informationNeeded(id, input.question(), user, now);
                noteText = input.question();
            }
        }
        UUID messageId = messenger.send(r.requestingAgency(), AGGREGATE, id, current.marking(), message, null, null);
        TrackedRequest next = current.moved(decided, new HistoryNote(noteText, messageId));
        store(next, now);
        audit.record(AuditEvent.success(AuditAction.REQUEST_ANSWERED, AUDIT_OBJECT, id.toString())
                .withDetail(input.decision() + (input.ground() == null ? "" : " on " + input.ground())));
        return next;
    }

    @Transactional
    public TrackedRequest provideInformation(UUID id, String information, String user) {
        Instant now = clocks.now();
        TrackedRequest current = lock(id);
        EvidenceRequest provided = rule(() -> current.request().provideInformation(actor(user), now));
        UUID question = current.lastMessageOf(RequestTransition.ASK_INFORMATION);
        UUID messageId = messenger.send(current.request().requestedAgency(), AGGREGATE, id, current.marking(),
                messages.informationProvided(id, question != null ? question : id, information, now), null,
                question);
        TrackedRequest next = current.moved(provided, new HistoryNote(information, messageId));
        store(next, now);
        audit.record(AuditEvent.success(AuditAction.REQUEST_UPDATED, AUDIT_OBJECT, id.toString())
                .withDetail("information provided"));
        return next;
    }

    @Transactional
    public TrackedRequest noteProgress(UUID id, String note, String user) {
        Instant now = clocks.now();
        TrackedRequest current = lock(id);
        EvidenceRequest progressed = rule(() -> current.request().noteProgress(actor(user), now));
        UUID messageId = messenger.send(current.request().requestingAgency(), AGGREGATE, id, current.marking(),
                messages.progressNoted(id, progressed.status()
                        == org.casebridge.requests.domain.RequestStatus.PARTIALLY_FULFILLED, note, now), null, null);
        TrackedRequest next = current.moved(progressed, new HistoryNote(note, messageId));
        store(next, now);
        audit.record(AuditEvent.success(AuditAction.REQUEST_UPDATED, AUDIT_OBJECT, id.toString())
                .withDetail("progress noted"));
        return next;
    }

    /**
     * Delivers evidence. The manifest is checked field by field first (422 naming {@code items[i].field}), then
     * hashed in the form the partner will receive and recorded here too, so both agencies hold the same hash.
     */
    @Transactional
    public Fulfilment fulfil(UUID id, boolean complete, List<RequestMessages.ProducedItem> items, String channel,
                             String reference, String note, String user) {
        Instant now = clocks.now();
        TrackedRequest current = lock(id);
        EvidenceRequest r = current.request();
        EvidenceRequest fulfilled = rule(() -> complete ? r.fulfil(actor(user), now) : r.fulfilPartially(actor(user), now));
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            UUID requestItem = items.get(i).requestItemId();
            if (requestItem != null && !current.itemIds().contains(requestItem)) {
                violations.add(new FieldViolation("items[" + i + "].requestItemId", "is not an item of this request"));
            }
        }
        try {
            new EvidenceManifest(id, agency.getCode(), now, items.stream().map(RequestMessages.ProducedItem::item)
                    .toList());
        } catch (InvalidRequestException e) {
            violations.addAll(e.violations());
        }
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        EvidenceRequestFulfilled message = messages.fulfilled(id, agency.getCode(), complete, items, channel,
                reference, note, now);
        EvidenceManifest manifest = messages.manifestOf(message, agency.getCode());
        UUID messageId = messenger.send(r.requestingAgency(), AGGREGATE, id, current.marking(), message, null, null);
        ReceivedManifest recorded = new ReceivedManifest(message.getManifest().getManifestId(), complete, manifest,
                messages.evidenceIdsOf(message), messages.requestItemIdsOf(message), now, manifest.hash(), List.of(),
                channel, reference, note, messageId, Map.of());
        requests.insertManifest(id, recorded);
        TrackedRequest next = current.moved(fulfilled, new HistoryNote(note, messageId));
        store(next, now);
        audit.record(AuditEvent.success(AuditAction.REQUEST_ANSWERED, AUDIT_OBJECT, id.toString())
                .withDetail((complete ? "fulfilled" : "partially fulfilled") + "; manifest " + recorded.id()
                        + " sha256 " + recorded.hash()));
        return new Fulfilment(next, recorded);
    }

    /** A request after a delivery, with the manifest recorded. */
    public record Fulfilment(TrackedRequest request, ReceivedManifest manifest) {
    }

    @Transactional
    public TrackedRequest withdraw(UUID id, String reason, String user) {
        Instant now = clocks.now();
        TrackedRequest current = lock(id);
        EvidenceRequest withdrawn = rule(() -> current.request().withdraw(actor(user), now));
        UUID messageId = null;
        if (current.request().history().stream().anyMatch(h -> h.transition() == RequestTransition.APPROVE)) {
            // a draft or a request awaiting approval never left this agency: nobody else to tell
            messageId = messenger.send(current.request().requestedAgency(), AGGREGATE, id, current.marking(),
                    messages.withdrawn(id, reason, now), null, null);
        }
        TrackedRequest next = current.moved(withdrawn, new HistoryNote(reason, messageId));
        store(next, now);
        audit.record(AuditEvent.success(AuditAction.REQUEST_UPDATED, AUDIT_OBJECT, id.toString())
                .withDetail("withdrawn"));
        return next;
    }

    /**
     * Closes a fulfilled request once the requester has checked the evidence, and tells the requested agency so that
     * its copy is closed too ({@code EvidenceRequestClosed}).
     */
    @Transactional
    public TrackedRequest close(UUID id, String note, String user) {
        Instant now = clocks.now();
        TrackedRequest current = lock(id);
        EvidenceRequest closed = rule(() -> current.request().close(actor(user), now));
        UUID messageId = messenger.send(current.request().requestedAgency(), AGGREGATE, id, current.marking(),
                messages.closed(id, user, note, now), null, null);
        TrackedRequest next = current.moved(closed, new HistoryNote(note, messageId));
        store(next, now);
        audit.record(AuditEvent.success(AuditAction.REQUEST_UPDATED, AUDIT_OBJECT, id.toString())
                .withDetail("closed; sent to " + current.request().requestedAgency() + " in message " + messageId));
        return next;
    }

    /** The outcome of checking a file received out of band against its manifest item. */
    public record FileCheck(UUID requestId, UUID manifestId, UUID evidenceId, int item, boolean intact,
                            List<ManifestDiscrepancy> discrepancies, CustodyEntry custody) {
    }

    /**
     * Checks a file the requesting agency received out of band (its SHA-256 and size, computed by the officer)
     * against the delivered manifest, and records the check as a custody entry of this agency.
     */
    @Transactional
    public FileCheck checkFile(UUID id, UUID manifestId, UUID evidenceId, long sizeBytes, String sha256, String user) {
        Instant now = clocks.now();
        TrackedRequest current = lock(id);
        if (current.direction() != RequestDirection.OUTBOUND) {
            throw ProblemException.conflict("NOT_THE_REQUESTER", "only the requesting agency checks received files;"
                    + " " + agency.getCode() + " produced the evidence of " + current.reference());
        }
        ReceivedManifest manifest = requests.manifests(id).stream().filter(m -> m.id().equals(manifestId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("manifest " + manifestId + " of evidence request " + id));
        int item = manifest.evidenceIds().indexOf(evidenceId);
        if (item < 0) {
            throw invalid(List.of(new FieldViolation("evidenceId", "is not an item of manifest " + manifestId)));
        }
        List<ManifestDiscrepancy> discrepancies = ManifestVerification.checkFile(manifest.manifest(), item, sizeBytes,
                sha256);
        boolean intact = discrepancies.isEmpty();
        CustodyEntry entry = new CustodyEntry(user + "@" + agency.getCode(), now, CustodyAction.OTHER,
                "file checked: sha256 " + sha256.toLowerCase(java.util.Locale.ROOT) + ", " + sizeBytes + " bytes: "
                        + (intact ? "INTACT" : "MISMATCH"));
        requests.appendLocalCustody(manifestId, item, entry);
        String detail = "file check of manifest " + manifestId + " item " + evidenceId + ": "
                + (intact ? "INTACT" : "MISMATCH " + String.join(", ", discrepancies.stream()
                .map(ManifestDiscrepancy::field).toList()));
        audit.record(intact
                ? AuditEvent.success(AuditAction.REQUEST_UPDATED, AUDIT_OBJECT, id.toString()).withDetail(detail)
                : AuditEvent.failed(AuditAction.REQUEST_UPDATED, AUDIT_OBJECT, id.toString()).withDetail(detail));
        return new FileCheck(id, manifestId, evidenceId, item, intact, discrepancies, entry);
    }

    @Transactional
    public TrackedRequest extendPreservation(UUID id, LegalPeriod extension, String note, String user) {
        Instant now = clocks.now();
        TrackedRequest current = lock(id);
        EvidenceRequest extended = rule(() -> current.request().extendPreservation(actor(user), now,
                clocks.of(current.request()), extension));
        UUID messageId = messenger.send(current.request().requestedAgency(), AGGREGATE, id, current.marking(),
                messages.preservationExtended(id, extended.preservationExpiry(), now, note), null, null);
        TrackedRequest next = current.moved(extended, new HistoryNote(note, messageId));
        store(next, now);
        audit.record(AuditEvent.success(AuditAction.REQUEST_UPDATED, AUDIT_OBJECT, id.toString())
                .withDetail("preservation extended by " + extension + " to " + extended.preservationExpiry()));
        return next;
    }

    /** The due date an acceptance agrees: the requester's proposal, where the instrument has no legal limit. */
    static Instant agreedDueDate(TrackedRequest tracked, Instant decidedAt, Instrument instrument) {
        Instant proposed = tracked.proposedDueAt();
        return instrument.hasAgreedDueDate() && proposed != null && proposed.isAfter(decidedAt) ? proposed : null;
    }

    private Instant agreedDueDate(TrackedRequest tracked, Instant decidedAt) {
        return agreedDueDate(tracked, decidedAt, clocks.catalogue().require(tracked.request().instrumentCode()));
    }

    private void requireAllowed(EvidenceRequest r, RequestTransition transition) {
        org.casebridge.requests.domain.AgencySide side = rule(() -> r.sideOf(agency.getCode()));
        if (!transition.isAllowed(r.status(), side)) {
            throw ProblemException.conflict(IllegalTransitionException.CODE,
                    new IllegalTransitionException(r.status(), transition, side).getMessage());
        }
    }

    private void store(TrackedRequest next, Instant now) {
        DeadlineSummary summary = clocks.summary(next.request(), now);
        if (!requests.update(next, summary, now)) {
            throw ProblemException.conflict("CONCURRENT_CHANGE", "request " + next.id()
                    + " changed meanwhile; reload and try again");
        }
    }

    /**
     * Locks a request for a change. The channel to the partner is locked first, as the inbox does when it answers
     * the partner before applying its message to the same request.
     */
    private TrackedRequest lock(UUID id) {
        TrackedRequest peek = requests.find(id).orElseThrow(() -> notFound(id));
        messenger.lockChannel(peek.counterpart());
        return requests.lock(id).orElseThrow(() -> notFound(id));
    }

    private Actor actor(String user) {
        return new Actor(agency.getCode(), user);
    }

    private void requireSharable(CaseFile caseFile, String partnerCode) {
        PartnerAgency partner = directory.require(partnerCode);
        // a request travels with the case's marking: the partner must be one the case may be shared with
        SharingDecision decision = SharingPolicy.decide(caseFile.leadAgency(), caseFile.leadAgency(),
                caseFile.marking(), caseFile.namedRecipients(), partner.code(), partner.sharingCeiling());
        if (!decision.allowed() && !(partner.code().equals(caseFile.leadAgency())
                && partner.sharingCeiling().permits(caseFile.marking()))) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, decision.code(), decision.reason(),
                    List.of(new ProblemDetail.FieldError("requestedAgency", decision.reason())));
        }
    }

    /** Runs a domain step and answers its rule violations as problems: 409 for the lifecycle, 422 for values. */
    static <T> T rule(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidRequestException e) {
            throw invalid(e.violations());
        } catch (IllegalTransitionException e) {
            throw ProblemException.conflict(IllegalTransitionException.CODE, e.getMessage());
        } catch (RequestRuleException e) {
            HttpStatus status = switch (e.code()) {
                case "EXTENSION_TOO_LONG", "DUE_DATE_IN_PAST", "REFUSAL_DETAIL_REQUIRED", "REFUSAL_GROUND_REQUIRED" ->
                        HttpStatus.UNPROCESSABLE_ENTITY;
                case "NOT_A_PARTY" -> HttpStatus.NOT_FOUND;
                default -> HttpStatus.CONFLICT;
            };
            throw new ProblemException(status, e.code(), e.getMessage());
        }
    }

    static ProblemException invalid(List<FieldViolation> violations) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, InvalidRequestException.CODE,
                "the request has invalid fields: " + String.join(", ",
                        violations.stream().map(FieldViolation::field).distinct().toList()),
                violations.stream().map(v -> new ProblemDetail.FieldError(v.field(), v.message())).toList());
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("evidence request " + id);
    }
}
