package org.casebridge.requests.messaging;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.casebridge.directory.HandlingMarking;
import org.casebridge.messages.v1.EvidenceRequestClosed;
import org.casebridge.messages.v1.EvidenceRequestDecided;
import org.casebridge.messages.v1.EvidenceRequestFulfilled;
import org.casebridge.messages.v1.EvidenceRequestInformationProvided;
import org.casebridge.messages.v1.EvidenceRequestProgressNoted;
import org.casebridge.messages.v1.EvidenceRequestReceived;
import org.casebridge.messages.v1.EvidenceRequestSent;
import org.casebridge.messages.v1.EvidenceRequestType;
import org.casebridge.messages.v1.EvidenceRequestWithdrawn;
import org.casebridge.messages.v1.PreservationExtended;
import org.casebridge.messages.v1.RequestDecision;
import org.casebridge.messages.v1.RequestProgress;
import org.casebridge.requests.domain.CustodyAction;
import org.casebridge.requests.domain.CustodyEntry;
import org.casebridge.requests.domain.DataAccessibility;
import org.casebridge.requests.domain.EvidenceItem;
import org.casebridge.requests.domain.EvidenceManifest;
import org.casebridge.requests.domain.EvidenceRequest;
import org.casebridge.requests.domain.FlatItem;
import org.casebridge.requests.domain.IdentifierType;
import org.casebridge.requests.domain.Refusal;
import org.casebridge.requests.domain.RefusalGround;
import org.casebridge.requests.domain.RequestItem;
import org.casebridge.requests.domain.RequestType;
import org.casebridge.requests.domain.TimeRange;
import org.casebridge.requests.domain.TrackedRequest;
import org.casebridge.requests.domain.Urgency;

/**
 * Maps evidence requests between the domain and the message contract; the only place that knows both.
 *
 * <p>A manifest is hashed in the form it has after one trip through the contract (both nodes then hash the same
 * thing): custody actions the contract lacks travel as {@code OTHER} with the action named in the note, and a
 * custody entry's {@code handledBy} reads {@code handler@AGENCY}.
 */
@Singleton
public class RequestMessages {

    public EvidenceRequestSent sent(TrackedRequest tracked, Instant sentAt) {
        EvidenceRequest r = tracked.request();
        List<org.casebridge.messages.v1.RequestItem> items = new ArrayList<>();
        for (int i = 0; i < r.items().size(); i++) {
            FlatItem item = FlatItem.of(r.items().get(i));
            items.add(org.casebridge.messages.v1.RequestItem.newBuilder()
                    .setItemId(tracked.itemIds().get(i))
                    .setIdentifierType(org.casebridge.messages.v1.IdentifierType.valueOf(item.type().name()))
                    .setValue(item.value())
                    .setPort(item.port())
                    .setObservedAt(item.observedAt())
                    .setQualifier(item.type() == IdentifierType.FILE_HASH && item.qualifier() != null
                            // the contract spells algorithms SHA1, SHA256...
                            ? item.qualifier().replace("_", "") : item.qualifier())
                    .setTimeRange(org.casebridge.messages.v1.TimeRange.newBuilder()
                            .setFrom(item.timeRange().from()).setTo(item.timeRange().to()).build())
                    .setNote(null)
                    .build());
        }
        return EvidenceRequestSent.newBuilder()
                .setRequestId(r.id())
                .setReference(tracked.reference())
                .setCaseReference(tracked.caseReference())
                .setCaseId(r.caseId())
                .setRequestingAgency(r.requestingAgency())
                .setRequestedAgency(r.requestedAgency())
                .setInstrument(r.instrumentCode())
                .setRequestType(EvidenceRequestType.valueOf(r.type().name()))
                .setUrgency(org.casebridge.messages.v1.Urgency.valueOf(r.urgency().name()))
                .setEmergencyJustification(null)
                .setAccessibility(r.accessibility() == null ? null
                        : org.casebridge.messages.v1.DataAccessibility.valueOf(r.accessibility().name()))
                .setCrimeCategories(List.copyOf(tracked.crimeCategories()))
                .setLegalBasis(r.legalBasis())
                .setDescription(r.justification())
                .setItems(items)
                .setAgreedDueDate(tracked.proposedDueAt())
                .setApprovedBy(r.approver())
                .setAuthor(r.author())
                .setSubmittedAt(sentAt)
                .build();
    }

    /** The items of a received request, unchecked: the caller validates them and names every bad field. */
    public List<RequestItem> itemsOf(EvidenceRequestSent sent) {
        List<RequestItem> items = new ArrayList<>();
        for (org.casebridge.messages.v1.RequestItem item : sent.getItems()) {
            IdentifierType type = identifierType(item.getIdentifierType());
            if (type == null) {
                items.add(null);
                continue;
            }
            TimeRange range = item.getTimeRange() == null ? null
                    : new TimeRange(item.getTimeRange().getFrom(), item.getTimeRange().getTo());
            items.add(new FlatItem(type, item.getValue(), item.getQualifier(), item.getPort(), item.getObservedAt(),
                    range).toItem());
        }
        return items;
    }

    public List<UUID> itemIdsOf(EvidenceRequestSent sent) {
        return sent.getItems().stream().map(org.casebridge.messages.v1.RequestItem::getItemId).toList();
    }

    /** Prefix under which senders before the {@code accessibility} field carried it in the emergency justification. */
    static final String LEGACY_ACCESSIBILITY_PREFIX = "accessibility=";

    /**
     * The accessibility carried by {@link #sent}; null when none. Reads the {@code accessibility} field, and from
     * senders that predate it the {@code accessibility=DIRECT|INDIRECT} form they put in the emergency justification.
     */
    public DataAccessibility accessibilityOf(EvidenceRequestSent sent) {
        org.casebridge.messages.v1.DataAccessibility carried = sent.getAccessibility();
        if (carried != null) {
            return switch (carried) {
                case DIRECT -> DataAccessibility.DIRECT;
                case INDIRECT -> DataAccessibility.INDIRECT;
                // a symbol added after this node's schema: not given, as far as this node can tell
                default -> null;
            };
        }
        String text = sent.getEmergencyJustification();
        if (text != null && text.startsWith(LEGACY_ACCESSIBILITY_PREFIX)) {
            try {
                return DataAccessibility.valueOf(text.substring(LEGACY_ACCESSIBILITY_PREFIX.length()).strip());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    /** Who drafted {@link #sent}; senders before the {@code author} field name only the approver. */
    public String authorOf(EvidenceRequestSent sent) {
        String author = sent.getAuthor();
        return author == null || author.isBlank() ? sent.getApprovedBy() : author;
    }

    public static RequestType type(EvidenceRequestType type) {
        try {
            return RequestType.valueOf(type.name());
        } catch (IllegalArgumentException e) {
            return RequestType.OTHER;
        }
    }

    public static Urgency urgency(org.casebridge.messages.v1.Urgency urgency) {
        return Urgency.valueOf(urgency.name());
    }

    private static IdentifierType identifierType(org.casebridge.messages.v1.IdentifierType type) {
        try {
            return IdentifierType.valueOf(type.name());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public EvidenceRequestReceived received(UUID requestId, Instant receivedAt, Instant deadline, String rule,
                                            Instant preservedUntil, String localReference) {
        return EvidenceRequestReceived.newBuilder()
                .setRequestId(requestId)
                .setReceivedAt(receivedAt)
                .setDeadline(deadline)
                .setDeadlineRule(rule)
                .setPreservedUntil(preservedUntil)
                .setLocalReference(localReference)
                .build();
    }

    public EvidenceRequestDecided accepted(UUID requestId, String by, Instant at, String explanation) {
        return decided(requestId, RequestDecision.ACCEPTED, null, explanation, null, by, at);
    }

    public EvidenceRequestDecided refused(UUID requestId, Refusal refusal, String by, Instant at) {
        return decided(requestId, RequestDecision.REFUSED,
                org.casebridge.messages.v1.RefusalGround.valueOf(refusal.ground().name()), refusal.detail(), null,
                by, at);
    }

    public EvidenceRequestDecided informationNeeded(UUID requestId, String question, String by, Instant at) {
        return decided(requestId, RequestDecision.INFORMATION_NEEDED, null, null, question, by, at);
    }

    private static EvidenceRequestDecided decided(UUID requestId, RequestDecision decision,
                                                  org.casebridge.messages.v1.RefusalGround ground, String explanation,
                                                  String information, String by, Instant at) {
        return EvidenceRequestDecided.newBuilder()
                .setRequestId(requestId)
                .setDecision(decision)
                .setRefusalGround(ground)
                .setExplanation(explanation)
                .setInformationNeeded(information)
                .setDecidedBy(by)
                .setDecidedAt(at)
                .build();
    }

    /** The refusal a decision carries; null when it names no ground this node knows. */
    public static RefusalGround refusalGround(org.casebridge.messages.v1.RefusalGround ground) {
        if (ground == null) {
            return null;
        }
        try {
            return RefusalGround.valueOf(ground.name());
        } catch (IllegalArgumentException e) {
            return RefusalGround.OTHER;
        }
    }

    public EvidenceRequestInformationProvided informationProvided(UUID requestId, UUID inReplyTo, String text,
                                                                  Instant at) {
        return EvidenceRequestInformationProvided.newBuilder()
                .setRequestId(requestId)
                .setInReplyTo(inReplyTo)
                .setInformation(text)
                .setProvidedAt(at)
                .build();
    }

    public EvidenceRequestProgressNoted progressNoted(UUID requestId, boolean partiallyFulfilled, String note,
                                                      Instant at) {
        return EvidenceRequestProgressNoted.newBuilder()
                .setRequestId(requestId)
                .setProgress(partiallyFulfilled ? RequestProgress.PARTIALLY_FULFILLED : RequestProgress.IN_PROGRESS)
                .setNote(note)
                .setNotedAt(at)
                .build();
    }

    public EvidenceRequestWithdrawn withdrawn(UUID requestId, String reason, Instant at) {
        return EvidenceRequestWithdrawn.newBuilder()
                .setRequestId(requestId)
                .setReason(reason)
                .setWithdrawnAt(at)
                .build();
    }

    public EvidenceRequestClosed closed(UUID requestId, String by, String note, Instant at) {
        return EvidenceRequestClosed.newBuilder()
                .setRequestId(requestId)
                .setClosedBy(by)
                .setNote(note)
                .setClosedAt(at)
                .build();
    }

    public PreservationExtended preservationExtended(UUID requestId, Instant until, Instant at, String note) {
        return PreservationExtended.newBuilder()
                .setRequestId(requestId)
                .setPreservedUntil(until)
                .setExtendedAt(at)
                .setNote(note)
                .build();
    }

    /** A manifest item as the producer enters it, before its trip through the contract. */
    public record ProducedItem(UUID requestItemId, EvidenceItem item) {
    }

    public EvidenceRequestFulfilled fulfilled(UUID requestId, String producer, boolean complete,
                                              List<ProducedItem> items, String channel, String reference,
                                              String note, Instant at) {
        List<org.casebridge.messages.v1.EvidenceItem> evidence = new ArrayList<>();
        for (ProducedItem produced : items) {
            EvidenceItem item = produced.item();
            evidence.add(org.casebridge.messages.v1.EvidenceItem.newBuilder()
                    .setEvidenceId(UUID.randomUUID())
                    .setRequestItemId(produced.requestItemId())
                    .setDescription(item.description())
                    .setMediaType(item.mediaType())
                    .setSizeBytes(item.sizeBytes())
                    .setSha256(item.sha256())
                    .setAcquiredAt(item.acquiredAt())
                    .setAcquisitionMethod(item.acquisitionMethod())
                    .setCustody(item.custody().stream().map(entry -> custody(entry, producer)).toList())
                    .build());
        }
        return EvidenceRequestFulfilled.newBuilder()
                .setRequestId(requestId)
                .setComplete(complete)
                .setManifest(org.casebridge.messages.v1.EvidenceManifest.newBuilder()
                        .setManifestId(UUID.randomUUID())
                        .setItems(evidence)
                        .setDeliveryChannel(channel)
                        .setDeliveryReference(reference)
                        .build())
                .setFulfilledAt(at)
                .setNote(note)
                .build();
    }

    private static org.casebridge.messages.v1.CustodyEntry custody(CustodyEntry entry, String producer) {
        String handledBy = entry.handledBy();
        int at = handledBy.lastIndexOf('@');
        String handler = at > 0 ? handledBy.substring(0, at) : handledBy;
        String agency = at > 0 ? handledBy.substring(at + 1) : producer;
        org.casebridge.messages.v1.CustodyAction action;
        String note = entry.note();
        try {
            action = org.casebridge.messages.v1.CustodyAction.valueOf(entry.action().name());
        } catch (IllegalArgumentException e) {
            action = org.casebridge.messages.v1.CustodyAction.OTHER;
            note = entry.action().name() + (note == null ? "" : ": " + note);
        }
        return org.casebridge.messages.v1.CustodyEntry.newBuilder()
                .setAt(entry.at())
                .setAgency(agency)
                .setHandler(handler)
                .setAction(action)
                .setNote(note)
                .build();
    }

    /**
     * The domain manifest of a fulfilment, as both nodes hash it.
     *
     * @throws org.casebridge.requests.domain.InvalidRequestException naming every bad field
     */
    public EvidenceManifest manifestOf(EvidenceRequestFulfilled fulfilled, String producer) {
        List<EvidenceItem> items = new ArrayList<>();
        for (org.casebridge.messages.v1.EvidenceItem item : fulfilled.getManifest().getItems()) {
            items.add(new EvidenceItem(item.getDescription(), item.getMediaType(), item.getSizeBytes(),
                    item.getSha256(), item.getAcquiredAt(), item.getAcquisitionMethod(),
                    item.getCustody().stream().map(c -> new CustodyEntry(c.getHandler() + "@" + c.getAgency(),
                            c.getAt(), custodyAction(c.getAction()), c.getNote())).toList()));
        }
        return new EvidenceManifest(fulfilled.getRequestId(), producer, fulfilled.getFulfilledAt(), items);
    }

    public List<UUID> evidenceIdsOf(EvidenceRequestFulfilled fulfilled) {
        return fulfilled.getManifest().getItems().stream().map(org.casebridge.messages.v1.EvidenceItem::getEvidenceId)
                .toList();
    }

    public List<UUID> requestItemIdsOf(EvidenceRequestFulfilled fulfilled) {
        return fulfilled.getManifest().getItems().stream()
                .map(org.casebridge.messages.v1.EvidenceItem::getRequestItemId).toList();
    }

    private static CustodyAction custodyAction(org.casebridge.messages.v1.CustodyAction action) {
        try {
            return CustodyAction.valueOf(action.name());
        } catch (IllegalArgumentException e) {
            return CustodyAction.OTHER;
        }
    }

    public static HandlingMarking marking(org.casebridge.messages.v1.HandlingMarking marking) {
        return HandlingMarking.valueOf(marking.name());
    }
}
