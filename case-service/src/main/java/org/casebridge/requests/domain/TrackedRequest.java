package org.casebridge.requests.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.casebridge.directory.HandlingMarking;

/**
 * An evidence request as one node keeps it: the request both agencies share, plus what this node knows around it.
 *
 * @param request          the request
 * @param reference        the human reference the requesting agency gave it, e.g. {@code DE-BKA-ER-2026-000012}
 * @param direction        which side this node is on
 * @param caseReference    the reference of the requesting agency's case; null if not given
 * @param marking          the handling marking (the case's at the requesting agency)
 * @param crimeCategories  the case's crime categories, for statistics at both ends
 * @param itemIds          ids of the items, in item order (manifests refer to them)
 * @param proposedDueAt    the due date the requester proposes where the instrument has no legal limit; null if none
 * @param historyNotes     one per history entry, in the same order
 * @param createdAt        when this node first stored it
 * @param manifestMismatch true once a delivered manifest failed verification
 * @param version          starts at 1, one more with each change
 */
public record TrackedRequest(EvidenceRequest request, String reference, RequestDirection direction,
                             String caseReference, HandlingMarking marking, List<String> crimeCategories,
                             List<UUID> itemIds, Instant proposedDueAt, List<HistoryNote> historyNotes,
                             Instant createdAt, boolean manifestMismatch, long version) {

    public TrackedRequest {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(marking, "marking");
        crimeCategories = List.copyOf(crimeCategories);
        itemIds = List.copyOf(itemIds);
        historyNotes = List.copyOf(historyNotes);
        if (itemIds.size() != request.items().size()) {
            throw new IllegalArgumentException("one id per item: " + itemIds.size() + " ids, "
                    + request.items().size() + " items");
        }
    }

    public UUID id() {
        return request.id();
    }

    /** This request after a transition, with the note (and message) that came with the new history entries. */
    public TrackedRequest moved(EvidenceRequest next, HistoryNote note) {
        List<HistoryNote> notes = new ArrayList<>(historyNotes);
        while (notes.size() < next.history().size()) {
            notes.add(note == null ? HistoryNote.NONE : note);
        }
        return new TrackedRequest(next, reference, direction, caseReference, marking, crimeCategories, itemIds,
                proposedDueAt, notes, createdAt, manifestMismatch, version + 1);
    }

    /** This request with the manifest mismatch flag raised, as part of the change that made this version. */
    public TrackedRequest withManifestMismatch() {
        return new TrackedRequest(request, reference, direction, caseReference, marking, crimeCategories, itemIds,
                proposedDueAt, historyNotes, createdAt, true, version);
    }

    /** The message id noted with the last entry of {@code transition}; null if none. */
    public UUID lastMessageOf(RequestTransition transition) {
        for (int i = request.history().size() - 1; i >= 0; i--) {
            if (request.history().get(i).transition() == transition) {
                return historyNotes.get(i).messageId();
            }
        }
        return null;
    }

    /** The agency on the other side from this node. */
    public String counterpart() {
        return direction == RequestDirection.OUTBOUND ? request.requestedAgency() : request.requestingAgency();
    }

    /** This node's agency. */
    public String ownAgency() {
        return direction == RequestDirection.OUTBOUND ? request.requestingAgency() : request.requestedAgency();
    }
}
