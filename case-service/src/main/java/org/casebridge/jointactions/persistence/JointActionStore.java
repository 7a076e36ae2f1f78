package org.casebridge.jointactions.persistence;

import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.casebridge.directory.HandlingMarking;
import org.casebridge.jointactions.domain.ActionWindow;
import org.casebridge.jointactions.domain.AssetKind;
import org.casebridge.jointactions.domain.AssetSeizure;
import org.casebridge.jointactions.domain.JointAction;
import org.casebridge.jointactions.domain.JointActionStatus;
import org.casebridge.jointactions.domain.Money;
import org.casebridge.jointactions.domain.Outcome;
import org.casebridge.jointactions.domain.Participant;
import org.casebridge.jointactions.domain.ParticipantRole;
import org.casebridge.jointactions.domain.ParticipationAnswer;
import org.casebridge.jointactions.domain.Readiness;
import org.casebridge.node.persistence.Sql;

/**
 * Joint actions, their participants and outcome reports in PostgreSQL. Every method runs in the caller's transaction.
 *
 * <p>Ordered lists (tasks, targets) are bound as {@link Sql.OrderedTexts}, which keeps their order.
 */
@Singleton
public class JointActionStore {

    private static final String ACTION_COLUMNS = "id, coordinating_agency, title, objective, status, marking,"
            + " window_start, window_end, case_references, linked_case_ids, share_linked_cases, plan_revision,"
            + " status_reason, proposed_at, proposed_by, updated_at";

    private final Sql sql;

    public JointActionStore(Sql sql) {
        this.sql = sql;
    }

    public void insert(JointAction action) {
        sql.update("INSERT INTO joint_action (" + ACTION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::uuid[], ?, ?,"
                        + " ?, ?, ?, ?)",
                action.id(), action.coordinatingAgency(), action.title(), action.objective(), action.status(),
                action.marking(), action.window().start(), action.window().end(), texts(action.caseReferences()),
                texts(action.linkedCaseIds().stream().map(UUID::toString).toList()),
                action.shareLinkedCases(), action.planRevision(), action.statusReason(), action.proposedAt(),
                action.proposedBy(), action.updatedAt());
        insertParticipants(action);
    }

    /** Stores a changed action and its participants (outcomes are stored with {@link #saveOutcome}). */
    public void save(JointAction action) {
        sql.update("UPDATE joint_action SET title = ?, objective = ?, status = ?, window_start = ?, window_end = ?,"
                        + " plan_revision = ?, status_reason = ?, updated_at = ? WHERE id = ?",
                action.title(), action.objective(), action.status(), action.window().start(), action.window().end(),
                action.planRevision(), action.statusReason(), action.updatedAt(), action.id());
        sql.update("DELETE FROM joint_action_participant WHERE action_id = ?", action.id());
        insertParticipants(action);
    }

    /** Stores a participant's outcome report in place of its earlier one. */
    public void saveOutcome(UUID actionId, Outcome outcome) {
        sql.update("DELETE FROM joint_action_outcome WHERE action_id = ? AND agency = ?", actionId, outcome.agency());
        sql.update("INSERT INTO joint_action_outcome (action_id, agency, arrests, searches, devices_seized,"
                        + " servers_taken_down, domains_taken_down, victims_identified, note, reported_at, reported_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                actionId, outcome.agency(), outcome.arrests(), outcome.searches(), outcome.devicesSeized(),
                outcome.serversTakenDown(), outcome.domainsTakenDown(), outcome.victimsIdentified(), outcome.note(),
                outcome.reportedAt(), outcome.reportedBy());
        List<AssetSeizure> assets = outcome.assetsSeized();
        for (int i = 0; i < assets.size(); i++) {
            AssetSeizure asset = assets.get(i);
            sql.update("INSERT INTO joint_action_asset_seizure (action_id, agency, position, kind, description,"
                            + " amount_minor, currency, minor_unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    actionId, outcome.agency(), i, asset.kind(), asset.description(), asset.value().amountMinor(),
                    asset.value().currency(), (short) asset.value().minorUnit());
        }
    }

    public Optional<JointAction> find(UUID id) {
        return load("SELECT " + ACTION_COLUMNS + " FROM joint_action WHERE id = ?", id);
    }

    /** Reads an action and locks it until the transaction ends, so steps on one action queue up. */
    public Optional<JointAction> lock(UUID id) {
        return load("SELECT " + ACTION_COLUMNS + " FROM joint_action WHERE id = ? FOR UPDATE", id);
    }

    /** One page of actions matching a query, with the total count. */
    public ActionPage search(JointActionQuery query) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> parameters = new ArrayList<>();
        if (query.status() != null) {
            where.append(" AND status = ?");
            parameters.add(query.status());
        }
        if (query.from() != null) {
            where.append(" AND window_end >= ?");
            parameters.add(query.from());
        }
        if (query.to() != null) {
            where.append(" AND window_start < ?");
            parameters.add(query.to());
        }
        long total = sql.queryOne("SELECT count(*) FROM joint_action" + where, row -> row.getLong(1),
                parameters.toArray()).orElse(0L);
        List<Object> pageParameters = new ArrayList<>(parameters);
        pageParameters.add(query.size());
        pageParameters.add((long) query.page() * query.size());
        List<UUID> ids = sql.query("SELECT id FROM joint_action" + where
                + " ORDER BY window_start DESC, id LIMIT ? OFFSET ?", row -> Sql.uuid(row, "id"), pageParameters.toArray());
        List<JointAction> actions = new ArrayList<>();
        for (UUID id : ids) {
            find(id).ifPresent(actions::add);
        }
        return new ActionPage(actions, total);
    }

    /** A page of actions and how many match in all. */
    public record ActionPage(List<JointAction> actions, long total) {
    }

    /** Ids of this node's cases with these references (a participant sees which linked cases it holds). */
    public List<CaseLink> caseLinks(List<String> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        return sql.query("SELECT id, reference FROM case_file WHERE reference = ANY (?::text[])",
                row -> new CaseLink(row.getString("reference"), Sql.uuid(row, "id")), texts(references));
    }

    /** A linked case reference and the case this node holds under it. */
    public record CaseLink(String reference, UUID caseId) {
    }

    /** Records what became of a linked case for an agency that accepted, in place of an earlier attempt. */
    public void saveCaseShare(UUID actionId, CaseShareOutcome outcome) {
        sql.update("INSERT INTO joint_action_case_share (action_id, case_id, agency, outcome, reason_code, reason,"
                        + " decided_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (action_id, case_id, agency) DO UPDATE"
                        + " SET outcome = EXCLUDED.outcome, reason_code = EXCLUDED.reason_code,"
                        + " reason = EXCLUDED.reason, decided_at = EXCLUDED.decided_at",
                actionId, outcome.caseId(), outcome.agency(), outcome.shared() ? "SHARED" : "SKIPPED",
                outcome.reasonCode(), outcome.reason(), outcome.decidedAt());
    }

    /** What became of the linked cases of an action per accepting agency (kept at the coordinator only). */
    public List<CaseShareOutcome> caseShares(UUID actionId) {
        return sql.query("SELECT * FROM joint_action_case_share WHERE action_id = ? ORDER BY decided_at, agency",
                row -> new CaseShareOutcome(Sql.uuid(row, "case_id"), row.getString("agency"),
                        "SHARED".equals(row.getString("outcome")), row.getString("reason_code"),
                        row.getString("reason"), Sql.instant(row, "decided_at")),
                actionId);
    }

    /**
     * A linked case shared with an accepting agency, or skipped because it could no longer be shared.
     *
     * @param reasonCode why it was skipped ({@code MARKING_CEILING}, {@code RED_NOT_NAMED}, {@code NOT_LEAD},
     *                   {@code UNKNOWN_CASE}, {@code UNKNOWN_AGENCY}), null when shared
     */
    public record CaseShareOutcome(UUID caseId, String agency, boolean shared, String reasonCode, String reason,
                                   java.time.Instant decidedAt) {
    }

    private Optional<JointAction> load(String query, UUID id) {
        Optional<ActionRow> row = sql.queryOne(query, JointActionStore::actionRow, id);
        return row.map(r -> r.toAction(participants(id), outcomes(id)));
    }

    private void insertParticipants(JointAction action) {
        List<Participant> participants = action.participants();
        for (int i = 0; i < participants.size(); i++) {
            Participant p = participants.get(i);
            sql.update("INSERT INTO joint_action_participant (action_id, agency, position, role, time_zone, tasks,"
                            + " targets, answer, answer_note, answered_at, readiness, readiness_note, readiness_at,"
                            + " readiness_required_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    action.id(), p.agency(), i, p.role(), p.timeZone().getId(), texts(p.tasks()), texts(p.targets()),
                    p.answer(), p.answerNote(), p.answeredAt(), p.readiness(), p.readinessNote(), p.readinessAt(),
                    p.readinessRequiredFrom());
        }
    }

    private List<Participant> participants(UUID actionId) {
        return sql.query("SELECT * FROM joint_action_participant WHERE action_id = ? ORDER BY position",
                row -> new Participant(row.getString("agency"), ParticipantRole.valueOf(row.getString("role")),
                        ZoneId.of(row.getString("time_zone")), orderedTexts(row, "tasks"),
                        orderedTexts(row, "targets"), ParticipationAnswer.valueOf(row.getString("answer")),
                        row.getString("answer_note"), Sql.instant(row, "answered_at"),
                        Readiness.valueOf(row.getString("readiness")), row.getString("readiness_note"),
                        Sql.instant(row, "readiness_at"), row.getLong("readiness_required_from")),
                actionId);
    }

    private List<Outcome> outcomes(UUID actionId) {
        List<AssetRow> assets = sql.query("SELECT * FROM joint_action_asset_seizure WHERE action_id = ?"
                        + " ORDER BY agency, position",
                row -> new AssetRow(row.getString("agency"), new AssetSeizure(AssetKind.valueOf(row.getString("kind")),
                        row.getString("description"), new Money(row.getLong("amount_minor"), row.getString("currency")))),
                actionId);
        return sql.query("SELECT * FROM joint_action_outcome WHERE action_id = ? ORDER BY reported_at, agency",
                row -> {
                    String agency = row.getString("agency");
                    return new Outcome(agency, row.getInt("arrests"), row.getInt("searches"),
                            row.getInt("devices_seized"),
                            assets.stream().filter(a -> a.agency().equals(agency)).map(AssetRow::asset).toList(),
                            row.getInt("servers_taken_down"), row.getInt("domains_taken_down"),
                            row.getInt("victims_identified"), row.getString("note"), Sql.instant(row, "reported_at"),
                            row.getString("reported_by"));
                },
                actionId);
    }

    private record AssetRow(String agency, AssetSeizure asset) {
    }

    /** The action's own columns, waiting for its participants and outcomes. */
    private record ActionRow(UUID id, String coordinatingAgency, String title, String objective,
                             JointActionStatus status, HandlingMarking marking, ActionWindow window,
                             List<String> caseReferences, List<UUID> linkedCaseIds, boolean shareLinkedCases,
                             long planRevision, String statusReason, java.time.Instant proposedAt, String proposedBy,
                             java.time.Instant updatedAt) {

        JointAction toAction(List<Participant> participants, List<Outcome> outcomes) {
            return new JointAction(id, coordinatingAgency, title, objective, caseReferences, linkedCaseIds,
                    shareLinkedCases, marking, window, status, participants, outcomes, planRevision, statusReason,
                    proposedAt, proposedBy, updatedAt);
        }
    }

    private static ActionRow actionRow(ResultSet row) throws SQLException {
        Array linked = row.getArray("linked_case_ids");
        List<UUID> linkedIds = linked == null ? List.of() : Arrays.stream((Object[]) linked.getArray())
                .map(o -> o instanceof UUID u ? u : UUID.fromString(o.toString())).toList();
        return new ActionRow(Sql.uuid(row, "id"), row.getString("coordinating_agency"), row.getString("title"),
                row.getString("objective"), JointActionStatus.valueOf(row.getString("status")),
                HandlingMarking.valueOf(row.getString("marking")),
                new ActionWindow(Sql.instant(row, "window_start"), Sql.instant(row, "window_end")),
                orderedTexts(row, "case_references"), linkedIds, row.getBoolean("share_linked_cases"),
                row.getLong("plan_revision"), row.getString("status_reason"), Sql.instant(row, "proposed_at"),
                row.getString("proposed_by"), Sql.instant(row, "updated_at"));
    }

    private static Sql.OrderedTexts texts(List<String> values) {
        return new Sql.OrderedTexts(values);
    }

    private static List<String> orderedTexts(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
