package org.casebridge.requests.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.casebridge.directory.HandlingMarking;
import org.casebridge.node.persistence.Sql;
import org.casebridge.requests.domain.AgencySide;
import org.casebridge.requests.domain.CustodyAction;
import org.casebridge.requests.domain.CustodyEntry;
import org.casebridge.requests.domain.DataAccessibility;
import org.casebridge.requests.domain.DeadlineSummary;
import org.casebridge.requests.domain.EvidenceItem;
import org.casebridge.requests.domain.EvidenceManifest;
import org.casebridge.requests.domain.EvidenceRequest;
import org.casebridge.requests.domain.FlatItem;
import org.casebridge.requests.domain.HistoryEntry;
import org.casebridge.requests.domain.HistoryNote;
import org.casebridge.requests.domain.IdentifierType;
import org.casebridge.requests.domain.ManifestDiscrepancy;
import org.casebridge.requests.domain.PauseInterval;
import org.casebridge.requests.domain.ReceivedManifest;
import org.casebridge.requests.domain.Refusal;
import org.casebridge.requests.domain.RefusalGround;
import org.casebridge.requests.domain.RequestDirection;
import org.casebridge.requests.domain.RequestItem;
import org.casebridge.requests.domain.RequestStatus;
import org.casebridge.requests.domain.RequestTransition;
import org.casebridge.requests.domain.RequestType;
import org.casebridge.requests.domain.TimeRange;
import org.casebridge.requests.domain.TrackedRequest;
import org.casebridge.requests.domain.Urgency;

/**
 * Evidence requests, their items, history, pauses, manifests and the deadline-notification ledger in PostgreSQL.
 * Every method runs in the caller's transaction.
 */
@Singleton
public class RequestStore {

    private static final String COLUMNS = "id, reference, direction, case_id, case_reference, requesting_agency,"
            + " requested_agency, instrument, request_type, urgency, accessibility, legal_basis, justification,"
            + " crime_categories, marking, status, author, approver, proposed_due_at, agreed_due_at, refusal_ground,"
            + " refusal_detail, created_at, submitted_at, approved_at, sent_at, received_at, decided_at,"
            + " first_fulfilled_at, fulfilled_at, closed_at, updated_at, response_due_at, response_milestone,"
            + " next_due_at, next_milestone, paused_seconds, paused_since, preservation_expires_at, extensions_used,"
            + " manifest_mismatch, version";

    private final Sql sql;

    public RequestStore(Sql sql) {
        this.sql = sql;
    }

    /** The next running number of request references for a year. */
    public long nextReferenceNumber(int year) {
        return sql.queryOne("INSERT INTO evidence_request_reference_counter (year, last_number) VALUES (?, 1)"
                + " ON CONFLICT (year) DO UPDATE SET last_number = evidence_request_reference_counter.last_number + 1"
                + " RETURNING last_number", row -> row.getLong(1), year).orElseThrow();
    }

    public boolean exists(UUID id) {
        return sql.queryOne("SELECT 1 FROM evidence_request WHERE id = ?", row -> true, id).isPresent();
    }

    /** Stores a new request with its items, history and pauses. */
    public void insert(TrackedRequest tracked, DeadlineSummary clock, Instant now) {
        EvidenceRequest r = tracked.request();
        List<Object> values = new ArrayList<>(List.of(r.id(), tracked.reference(), tracked.direction(), r.caseId()));
        values.add(tracked.caseReference());
        values.addAll(List.of(r.requestingAgency(), r.requestedAgency(), r.instrumentCode(), r.type(), r.urgency()));
        values.add(r.accessibility());
        values.addAll(List.of(r.legalBasis(), r.justification(), tracked.crimeCategories(), tracked.marking(),
                r.status(), r.author()));
        values.add(r.approver());
        values.add(tracked.proposedDueAt());
        values.add(tracked.createdAt());
        values.add(now);
        values.add(tracked.version());
        sql.update("INSERT INTO evidence_request (id, reference, direction, case_id, case_reference,"
                + " requesting_agency, requested_agency, instrument, request_type, urgency, accessibility, legal_basis,"
                + " justification, crime_categories, marking, status, author, approver, proposed_due_at, created_at,"
                + " updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                values.toArray());
        for (int i = 0; i < r.items().size(); i++) {
            FlatItem item = FlatItem.of(r.items().get(i));
            TimeRange range = item.timeRange();
            sql.update("INSERT INTO evidence_request_item (request_id, position, item_id, item_type, value, qualifier,"
                            + " port, observed_at, range_from, range_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    r.id(), i, tracked.itemIds().get(i), item.type(), item.value(), item.qualifier(), item.port(),
                    item.observedAt(), range == null ? null : range.from(), range == null ? null : range.to());
        }
        writeChanges(tracked, clock, now);
    }

    /**
     * Stores a changed request: its row, new history entries and its pauses.
     *
     * @return false if the stored version was not the one before (the caller must hold the row lock to avoid it)
     */
    public boolean update(TrackedRequest tracked, DeadlineSummary clock, Instant now) {
        EvidenceRequest r = tracked.request();
        int rows = sql.update("UPDATE evidence_request SET status = ?, approver = ?, manifest_mismatch = ?,"
                        + " version = ?, updated_at = ? WHERE id = ? AND version = ?",
                r.status(), r.approver(), tracked.manifestMismatch(), tracked.version(), now, r.id(),
                tracked.version() - 1);
        if (rows != 1) {
            return false;
        }
        writeChanges(tracked, clock, now);
        return true;
    }

    private void writeChanges(TrackedRequest tracked, DeadlineSummary clock, Instant now) {
        EvidenceRequest r = tracked.request();
        Refusal refusal = r.refusal();
        sql.update("UPDATE evidence_request SET agreed_due_at = ?, refusal_ground = ?, refusal_detail = ?,"
                        + " submitted_at = ?, approved_at = ?, sent_at = ?, received_at = ?, decided_at = ?,"
                        + " first_fulfilled_at = ?, fulfilled_at = ?, closed_at = ?, response_due_at = ?,"
                        + " response_milestone = ?, next_due_at = ?, next_milestone = ?, paused_seconds = ?,"
                        + " paused_since = ?, preservation_expires_at = ?, extensions_used = ? WHERE id = ?",
                r.agreedDueDate(), refusal == null ? null : refusal.ground(),
                refusal == null ? null : refusal.detail(), lastAt(r, RequestTransition.SUBMIT),
                firstAt(r, RequestTransition.APPROVE), firstAt(r, RequestTransition.APPROVE), r.receivedAt(),
                firstAt(r, RequestTransition.ACCEPT, RequestTransition.REFUSE),
                firstAt(r, RequestTransition.FULFIL_PARTIALLY, RequestTransition.FULFIL),
                firstAt(r, RequestTransition.FULFIL),
                r.status().isTerminal() ? r.history().get(r.history().size() - 1).at() : null,
                clock.responseDueAt(), clock.responseMilestone(), clock.nextDueAt(), clock.nextMilestone(),
                clock.pausedSeconds(), clock.pausedSince(), r.preservationExpiry(), r.extensionsUsed(), r.id());
        for (int i = 0; i < r.history().size(); i++) {
            HistoryEntry entry = r.history().get(i);
            HistoryNote note = tracked.historyNotes().get(i);
            sql.update("INSERT INTO evidence_request_history (request_id, position, transition, side, status_from,"
                            + " status_to, at, by_user, note, message_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (request_id, position) DO NOTHING",
                    r.id(), i, entry.transition(), entry.side(), entry.from(), entry.to(), entry.at(), entry.by(),
                    note.note(), note.messageId());
        }
        sql.update("DELETE FROM evidence_request_pause WHERE request_id = ?", r.id());
        for (PauseInterval pause : r.pauses()) {
            sql.update("INSERT INTO evidence_request_pause (request_id, started_at, ended_at) VALUES (?, ?, ?)",
                    r.id(), pause.from(), pause.to());
        }
    }

    private static Instant firstAt(EvidenceRequest r, RequestTransition... transitions) {
        for (HistoryEntry entry : r.history()) {
            for (RequestTransition transition : transitions) {
                if (entry.transition() == transition) {
                    return entry.at();
                }
            }
        }
        return null;
    }

    private static Instant lastAt(EvidenceRequest r, RequestTransition transition) {
        Instant last = null;
        for (HistoryEntry entry : r.history()) {
            if (entry.transition() == transition) {
                last = entry.at();
            }
        }
        return last;
    }

    public Optional<TrackedRequest> find(UUID id) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM evidence_request WHERE id = ?", row -> row(row), id)
                .map(this::complete);
    }

    /** Reads a request and locks it until the transaction ends, so changes to one request queue up. */
    public Optional<TrackedRequest> lock(UUID id) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM evidence_request WHERE id = ? FOR UPDATE", row -> row(row), id)
                .map(this::complete);
    }

    /** One page of requests matching a query, soonest deadline first, with the total count. */
    public RequestPage search(RequestQuery query) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> parameters = new ArrayList<>();
        if (query.direction() != null) {
            where.append(" AND direction = ?");
            parameters.add(query.direction());
        }
        if (query.status() != null) {
            where.append(" AND status = ?");
            parameters.add(query.status());
        }
        if (query.urgency() != null) {
            where.append(" AND urgency = ?");
            parameters.add(query.urgency());
        }
        if (query.instrument() != null) {
            where.append(" AND instrument = ?");
            parameters.add(query.instrument());
        }
        if (query.partner() != null) {
            where.append(" AND (CASE direction WHEN 'OUTBOUND' THEN requested_agency ELSE requesting_agency END) = ?");
            parameters.add(query.partner());
        }
        if (query.dueBefore() != null) {
            where.append(" AND next_due_at < ?");
            parameters.add(query.dueBefore());
        }
        long total = sql.queryOne("SELECT count(*) FROM evidence_request" + where, row -> row.getLong(1),
                parameters.toArray()).orElse(0L);
        List<Object> pageParameters = new ArrayList<>(parameters);
        pageParameters.add(query.size());
        pageParameters.add((long) query.page() * query.size());
        List<Row> rows = sql.query("SELECT " + COLUMNS + " FROM evidence_request" + where
                        + " ORDER BY next_due_at ASC NULLS LAST, updated_at DESC, id LIMIT ? OFFSET ?",
                RequestStore::row, pageParameters.toArray());
        return new RequestPage(rows.stream().map(this::complete).toList(), total);
    }

    /** A page of requests and how many match in all. */
    public record RequestPage(List<TrackedRequest> requests, long total) {
    }

    /** Ids of requests whose clocks may still raise a notification: received, not closed, refused or withdrawn. */
    public List<UUID> monitored() {
        return sql.query("SELECT id FROM evidence_request WHERE received_at IS NOT NULL"
                        + " AND status NOT IN ('CLOSED', 'REFUSED', 'WITHDRAWN') ORDER BY next_due_at NULLS LAST",
                row -> Sql.uuid(row, "id"));
    }

    /**
     * Notes that a deadline threshold was announced, unless it was before.
     *
     * @return true if this call recorded it (the caller then publishes the event in the same transaction); false if
     *         it was recorded already (by an earlier run, or a concurrent one that committed first)
     */
    public boolean recordNotification(UUID requestId, String milestone, String threshold, Instant cycleDueAt,
                                      Instant dueAt, Instant at, UUID eventId) {
        return sql.update("INSERT INTO deadline_notification (request_id, milestone, threshold, cycle_due_at, due_at,"
                        + " notified_at, event_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                requestId, milestone, threshold, cycleDueAt, dueAt, at, eventId) == 1;
    }

    /** The notifications raised for a request, oldest first. */
    public List<Notification> notifications(UUID requestId) {
        return sql.query("SELECT milestone, threshold, due_at, notified_at FROM deadline_notification"
                        + " WHERE request_id = ? ORDER BY notified_at, milestone, threshold",
                row -> new Notification(row.getString("milestone"), row.getString("threshold"),
                        Sql.instant(row, "due_at"), Sql.instant(row, "notified_at")), requestId);
    }

    /** One deadline notification already raised. */
    public record Notification(String milestone, String threshold, Instant dueAt, Instant notifiedAt) {
    }

    /** @return false if this manifest was stored before */
    public boolean insertManifest(UUID requestId, ReceivedManifest received) {
        EvidenceManifest manifest = received.manifest();
        int rows = sql.update("INSERT INTO evidence_manifest (id, request_id, complete, produced_by, produced_at,"
                        + " recorded_at, manifest_hash, verification, discrepancies, delivery_channel,"
                        + " delivery_reference, note, message_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (id) DO NOTHING",
                received.id(), requestId, received.complete(), manifest.producedBy(), manifest.producedAt(),
                received.recordedAt(), received.hash(), received.intact() ? "INTACT" : "MISMATCH",
                new Sql.Json(discrepanciesJson(received.discrepancies())), received.deliveryChannel(),
                received.deliveryReference(), received.note(), received.messageId());
        if (rows != 1) {
            return false;
        }
        for (int i = 0; i < manifest.items().size(); i++) {
            EvidenceItem item = manifest.items().get(i);
            sql.update("INSERT INTO evidence_manifest_item (manifest_id, position, evidence_id, request_item_id,"
                            + " description, media_type, size_bytes, sha256, acquired_at, acquisition_method)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    received.id(), i, received.evidenceIds().get(i), received.requestItemIds().get(i),
                    item.description(), item.mediaType(), item.sizeBytes(), item.sha256(), item.acquiredAt(),
                    item.acquisitionMethod());
            int position = 0;
            for (CustodyEntry entry : item.custody()) {
                insertCustody(received.id(), i, position++, "MANIFEST", entry);
            }
            for (CustodyEntry entry : received.localCustody().getOrDefault(i, List.of())) {
                insertCustody(received.id(), i, position++, "LOCAL", entry);
            }
        }
        return true;
    }

    /** Appends a custody entry this agency made (origin {@code LOCAL}) to one item of a recorded manifest. */
    public void appendLocalCustody(UUID manifestId, int item, CustodyEntry entry) {
        int next = sql.queryOne("SELECT coalesce(max(position) + 1, 0) FROM evidence_custody_entry"
                + " WHERE manifest_id = ? AND item_position = ?", row -> row.getInt(1), manifestId, item).orElse(0);
        insertCustody(manifestId, item, next, "LOCAL", entry);
    }

    private void insertCustody(UUID manifestId, int item, int position, String origin, CustodyEntry entry) {
        sql.update("INSERT INTO evidence_custody_entry (manifest_id, item_position, position, origin, handled_by, at,"
                        + " action, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                manifestId, item, position, origin, entry.handledBy(), entry.at(), entry.action(), entry.note());
    }

    /** The manifests delivered for a request, oldest first. */
    public List<ReceivedManifest> manifests(UUID requestId) {
        List<ManifestRow> rows = sql.query("SELECT * FROM evidence_manifest WHERE request_id = ?"
                + " ORDER BY produced_at, recorded_at, id", RequestStore::manifestRow, requestId);
        List<ReceivedManifest> result = new ArrayList<>();
        for (ManifestRow row : rows) {
            List<ItemRow> items = sql.query("SELECT * FROM evidence_manifest_item WHERE manifest_id = ?"
                    + " ORDER BY position", RequestStore::itemRow, row.id);
            Map<Integer, List<CustodyEntry>> declared = new HashMap<>();
            Map<Integer, List<CustodyEntry>> local = new HashMap<>();
            sql.query("SELECT * FROM evidence_custody_entry WHERE manifest_id = ? ORDER BY item_position, position",
                    custody -> {
                        CustodyEntry entry = new CustodyEntry(custody.getString("handled_by"),
                                Sql.instant(custody, "at"), CustodyAction.valueOf(custody.getString("action")),
                                custody.getString("note"));
                        Map<Integer, List<CustodyEntry>> target =
                                "LOCAL".equals(custody.getString("origin")) ? local : declared;
                        target.computeIfAbsent(custody.getInt("item_position"), k -> new ArrayList<>()).add(entry);
                        return entry;
                    }, row.id);
            List<EvidenceItem> evidence = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                ItemRow item = items.get(i);
                evidence.add(new EvidenceItem(item.description, item.mediaType, item.sizeBytes, item.sha256,
                        item.acquiredAt, item.acquisitionMethod, declared.getOrDefault(i, List.of())));
            }
            EvidenceManifest manifest = new EvidenceManifest(requestId, row.producedBy, row.producedAt, evidence);
            result.add(new ReceivedManifest(row.id, row.complete, manifest,
                    items.stream().map(i -> i.evidenceId).toList(),
                    items.stream().map(i -> i.requestItemId).toList(), row.recordedAt, row.hash,
                    parseDiscrepancies(row.discrepancies), row.deliveryChannel, row.deliveryReference, row.note,
                    row.messageId, local));
        }
        return result;
    }

    private record ManifestRow(UUID id, boolean complete, String producedBy, Instant producedAt, Instant recordedAt,
                               String hash, String discrepancies, String deliveryChannel, String deliveryReference,
                               String note, UUID messageId) {
    }

    private record ItemRow(UUID evidenceId, UUID requestItemId, String description, String mediaType, long sizeBytes,
                           String sha256, Instant acquiredAt, String acquisitionMethod) {
    }

    private static ManifestRow manifestRow(ResultSet row) throws SQLException {
        return new ManifestRow(Sql.uuid(row, "id"), row.getBoolean("complete"), row.getString("produced_by"),
                Sql.instant(row, "produced_at"), Sql.instant(row, "recorded_at"), row.getString("manifest_hash"),
                row.getString("discrepancies"), row.getString("delivery_channel"),
                row.getString("delivery_reference"), row.getString("note"), Sql.uuid(row, "message_id"));
    }

    private static ItemRow itemRow(ResultSet row) throws SQLException {
        return new ItemRow(Sql.uuid(row, "evidence_id"), Sql.uuid(row, "request_item_id"),
                row.getString("description"), row.getString("media_type"), row.getLong("size_bytes"),
                row.getString("sha256"), Sql.instant(row, "acquired_at"), row.getString("acquisition_method"));
    }

    // Discrepancies are stored as a JSON array of {field, expected, actual}; written and read here by hand so the
    // store needs no JSON mapper for three strings.
    static String discrepanciesJson(List<ManifestDiscrepancy> discrepancies) {
        StringBuilder json = new StringBuilder("[");
        for (ManifestDiscrepancy d : discrepancies) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"field\":").append(quote(d.field())).append(",\"expected\":").append(quote(d.expected()))
                    .append(",\"actual\":").append(quote(d.actual())).append('}');
        }
        return json.append(']').toString();
    }

    private static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private List<ManifestDiscrepancy> parseDiscrepancies(String json) {
        return sql.query("SELECT d->>'field', d->>'expected', d->>'actual' FROM jsonb_array_elements(?::jsonb) d",
                row -> new ManifestDiscrepancy(row.getString(1), row.getString(2), row.getString(3)), json);
    }

    /** The columns of one request row before its items, history and pauses are read. */
    private record Row(UUID id, String reference, RequestDirection direction, UUID caseId, String caseReference,
                       String requestingAgency, String requestedAgency, String instrument, RequestType type,
                       Urgency urgency, DataAccessibility accessibility, String legalBasis, String justification,
                       List<String> crimeCategories, HandlingMarking marking, RequestStatus status, String author,
                       String approver, Instant proposedDueAt, Instant agreedDueAt, Refusal refusal,
                       Instant createdAt, Instant receivedAt, Instant preservationExpiry, int extensionsUsed,
                       boolean manifestMismatch, long version) {
    }

    private static Row row(ResultSet row) throws SQLException {
        String accessibility = row.getString("accessibility");
        String ground = row.getString("refusal_ground");
        return new Row(Sql.uuid(row, "id"), row.getString("reference"),
                RequestDirection.valueOf(row.getString("direction")), Sql.uuid(row, "case_id"),
                row.getString("case_reference"), row.getString("requesting_agency"),
                row.getString("requested_agency"), row.getString("instrument"),
                RequestType.valueOf(row.getString("request_type")), Urgency.valueOf(row.getString("urgency")),
                accessibility == null ? null : DataAccessibility.valueOf(accessibility), row.getString("legal_basis"),
                row.getString("justification"), Sql.textSet(row, "crime_categories").stream().sorted().toList(),
                HandlingMarking.valueOf(row.getString("marking")), RequestStatus.valueOf(row.getString("status")),
                row.getString("author"), row.getString("approver"), Sql.instant(row, "proposed_due_at"),
                Sql.instant(row, "agreed_due_at"),
                ground == null ? null : new Refusal(RefusalGround.valueOf(ground), row.getString("refusal_detail")),
                Sql.instant(row, "created_at"), Sql.instant(row, "received_at"),
                Sql.instant(row, "preservation_expires_at"), row.getInt("extensions_used"),
                row.getBoolean("manifest_mismatch"), row.getLong("version"));
    }

    private TrackedRequest complete(Row row) {
        List<UUID> itemIds = new ArrayList<>();
        List<RequestItem> items = sql.query("SELECT * FROM evidence_request_item WHERE request_id = ? ORDER BY position",
                item -> {
                    itemIds.add(Sql.uuid(item, "item_id"));
                    Instant from = Sql.instant(item, "range_from");
                    Instant to = Sql.instant(item, "range_to");
                    Integer port = (Integer) item.getObject("port");
                    return new FlatItem(IdentifierType.valueOf(item.getString("item_type")), item.getString("value"),
                            item.getString("qualifier"), port, Sql.instant(item, "observed_at"),
                            from == null && to == null ? null : new TimeRange(from, to)).toItem();
                }, row.id);
        List<HistoryNote> notes = new ArrayList<>();
        List<HistoryEntry> history = sql.query("SELECT * FROM evidence_request_history WHERE request_id = ?"
                + " ORDER BY position", entry -> {
                    notes.add(new HistoryNote(entry.getString("note"), Sql.uuid(entry, "message_id")));
                    return new HistoryEntry(RequestTransition.valueOf(entry.getString("transition")),
                            AgencySide.valueOf(entry.getString("side")), Sql.instant(entry, "at"),
                            entry.getString("by_user"), RequestStatus.valueOf(entry.getString("status_from")),
                            RequestStatus.valueOf(entry.getString("status_to")));
                }, row.id);
        List<PauseInterval> pauses = sql.query("SELECT started_at, ended_at FROM evidence_request_pause"
                + " WHERE request_id = ? ORDER BY started_at", pause -> new PauseInterval(
                        Sql.instant(pause, "started_at"), Sql.instant(pause, "ended_at")), row.id);
        EvidenceRequest request = new EvidenceRequest(row.id, row.caseId, row.requestingAgency, row.requestedAgency,
                row.instrument, row.type, row.urgency, row.accessibility, row.legalBasis, row.justification, items,
                row.status, row.author, row.approver, history, row.receivedAt, pauses, row.agreedDueAt,
                row.preservationExpiry, row.extensionsUsed, row.refusal);
        return new TrackedRequest(request, row.reference, row.direction, row.caseReference, row.marking,
                row.crimeCategories, itemIds, row.proposedDueAt, notes, row.createdAt, row.manifestMismatch,
                row.version);
    }
}
