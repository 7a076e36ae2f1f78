package org.casebridge.exports.persistence;

import java.util.ArrayList;
import java.util.List;
import org.casebridge.exports.domain.Column;
import org.casebridge.exports.domain.ExportDataset;
import org.casebridge.exports.domain.FilterName;
import org.casebridge.exports.domain.RecordFilter;

/**
 * The SQL of each export. Every column is chosen so that no personal data and no free text leaves: no titles,
 * summaries, notes, request items or descriptions, and no user names; only identifiers, codes, agencies, statuses,
 * counts and times.
 */
public final class ExportQueries {

    private ExportQueries() {
    }

    /** The query of a dataset. */
    public static TableQuery of(ExportDataset dataset, RecordFilter filter, String selfAgency) {
        return switch (dataset) {
            case CASES -> cases(filter, selfAgency);
            case EVIDENCE_REQUESTS -> evidenceRequests(filter);
            case JOINT_ACTIONS -> jointActions(filter, selfAgency);
        };
    }

    static final List<Column> CASE_COLUMNS = List.of(
            Column.text("id"), Column.text("reference"), Column.text("lead_agency"), Column.text("direction"),
            Column.text("status"), Column.text("priority"), Column.text("marking"), Column.list("crime_categories"),
            Column.list("shared_with"), Column.timestamp("opened_at"), Column.timestamp("updated_at"),
            Column.number("version"));

    /** Cases this node leads (OUTBOUND: it shares them) and partners' cases shared with it (INBOUND). */
    public static TableQuery cases(RecordFilter filter, String selfAgency) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(selfAgency);
        StringBuilder sql = new StringBuilder("SELECT c.id::text, c.reference, c.lead_agency,"
                + " CASE WHEN c.lead_agency = ? THEN 'OUTBOUND' ELSE 'INBOUND' END, c.status, c.priority, c.marking,"
                + " c.crime_categories,"
                + " ARRAY(SELECT s.agency FROM case_share s WHERE s.case_id = c.id ORDER BY s.agency)::text[], "
                + TableQuery.utc("c.opened_at") + ", " + TableQuery.utc("c.updated_at") + ", c.version"
                + " FROM case_file c WHERE true");
        caseWhere(filter, selfAgency, sql, parameters);
        sql.append(" ORDER BY c.opened_at, c.id");
        return new TableQuery(CASE_COLUMNS, sql.toString(), parameters);
    }

    /** The WHERE conditions of a case filter on alias {@code c}, shared with case statistics. */
    public static void caseWhere(RecordFilter filter, String selfAgency, StringBuilder sql, List<Object> parameters) {
        if (filter.window().start() != null) {
            sql.append(" AND c.opened_at >= ?");
            parameters.add(filter.window().start());
        }
        if (filter.window().end() != null) {
            sql.append(" AND c.opened_at < ?");
            parameters.add(filter.window().end());
        }
        filter.get(FilterName.STATUS).ifPresent(status -> {
            sql.append(" AND c.status = ?");
            parameters.add(status);
        });
        filter.get(FilterName.MARKING).ifPresent(marking -> {
            sql.append(" AND c.marking = ?");
            parameters.add(marking);
        });
        filter.get(FilterName.CATEGORY).ifPresent(category -> {
            sql.append(" AND c.crime_categories @> ARRAY[?]::text[]");
            parameters.add(category);
        });
        filter.get(FilterName.PARTNER).ifPresent(partner -> {
            sql.append(" AND (c.lead_agency = ? OR EXISTS (SELECT 1 FROM case_share s WHERE s.case_id = c.id"
                    + " AND s.agency = ?))");
            parameters.add(partner);
            parameters.add(partner);
        });
        filter.get(FilterName.DIRECTION).ifPresent(direction -> {
            sql.append(direction.equals("OUTBOUND") ? " AND c.lead_agency = ?" : " AND c.lead_agency <> ?");
            parameters.add(selfAgency);
        });
    }

    static final List<Column> REQUEST_COLUMNS = List.of(
            Column.text("id"), Column.text("reference"), Column.text("direction"), Column.text("case_reference"),
            Column.text("requesting_agency"), Column.text("requested_agency"), Column.text("instrument"),
            Column.text("request_type"), Column.text("urgency"), Column.text("marking"), Column.text("status"),
            Column.list("crime_categories"), Column.text("refusal_ground"), Column.number("items"),
            Column.timestamp("created_at"), Column.timestamp("sent_at"), Column.timestamp("received_at"),
            Column.timestamp("decided_at"), Column.timestamp("first_fulfilled_at"), Column.timestamp("fulfilled_at"),
            Column.timestamp("closed_at"), Column.timestamp("response_due_at"), Column.text("response_milestone"),
            Column.timestamp("agreed_due_at"), Column.number("paused_seconds"),
            Column.timestamp("preservation_expires_at"), Column.number("extensions_used"),
            Column.bool("manifest_mismatch"));

    /**
     * Evidence requests, inbound and outbound, without their items (only how many), legal basis, justification,
     * refusal detail, author or approver. The time window applies to when the request was sent, or created if it
     * has not been.
     */
    public static TableQuery evidenceRequests(RecordFilter filter) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT r.id::text, r.reference, r.direction, r.case_reference,"
                + " r.requesting_agency, r.requested_agency, r.instrument, r.request_type, r.urgency, r.marking,"
                + " r.status, r.crime_categories, r.refusal_ground,"
                + " (SELECT count(*) FROM evidence_request_item i WHERE i.request_id = r.id), "
                + TableQuery.utc("r.created_at") + ", " + TableQuery.utc("r.sent_at") + ", "
                + TableQuery.utc("r.received_at") + ", " + TableQuery.utc("r.decided_at") + ", "
                + TableQuery.utc("r.first_fulfilled_at") + ", " + TableQuery.utc("r.fulfilled_at") + ", "
                + TableQuery.utc("r.closed_at") + ", " + TableQuery.utc("r.response_due_at") + ", r.response_milestone, "
                + TableQuery.utc("r.agreed_due_at") + ", r.paused_seconds, " + TableQuery.utc("r.preservation_expires_at")
                + ", r.extensions_used, r.manifest_mismatch FROM evidence_request r WHERE true");
        window(filter, "coalesce(r.sent_at, r.created_at)", sql, parameters);
        requestWhere(filter, sql, parameters);
        sql.append(" ORDER BY r.created_at, r.id");
        return new TableQuery(REQUEST_COLUMNS, sql.toString(), parameters);
    }

    static final List<Column> JOINT_ACTION_COLUMNS = List.of(
            Column.text("id"), Column.text("coordinating_agency"), Column.text("direction"), Column.text("status"),
            Column.text("marking"), Column.timestamp("window_start"), Column.timestamp("window_end"),
            Column.list("case_references"), Column.list("participants"), Column.number("outcome_reports"),
            Column.number("arrests"), Column.number("searches"), Column.number("devices_seized"),
            Column.number("servers_taken_down"), Column.number("domains_taken_down"),
            Column.number("victims_identified"), Column.number("asset_seizures"), Column.timestamp("proposed_at"),
            Column.timestamp("updated_at"));

    /**
     * Joint actions this node coordinates (OUTBOUND) or takes part in (INBOUND), with their outcome totals; without
     * title, objective, tasks, targets, notes or user names. Seized amounts by currency are a statistic of their own.
     * The time window applies to the start of the action window.
     */
    public static TableQuery jointActions(RecordFilter filter, String selfAgency) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(selfAgency);
        StringBuilder sql = new StringBuilder("SELECT a.id::text, a.coordinating_agency,"
                + " CASE WHEN a.coordinating_agency = ? THEN 'OUTBOUND' ELSE 'INBOUND' END, a.status, a.marking, "
                + TableQuery.utc("a.window_start") + ", " + TableQuery.utc("a.window_end") + ", a.case_references,"
                + " ARRAY(SELECT p.agency FROM joint_action_participant p WHERE p.action_id = a.id"
                + " ORDER BY p.position)::text[],"
                + " o.reports, o.arrests, o.searches, o.devices_seized, o.servers_taken_down, o.domains_taken_down,"
                + " o.victims_identified,"
                + " (SELECT count(*) FROM joint_action_asset_seizure z WHERE z.action_id = a.id), "
                + TableQuery.utc("a.proposed_at") + ", " + TableQuery.utc("a.updated_at")
                + " FROM joint_action a CROSS JOIN LATERAL (SELECT count(*) AS reports,"
                + " coalesce(sum(x.arrests), 0) AS arrests, coalesce(sum(x.searches), 0) AS searches,"
                + " coalesce(sum(x.devices_seized), 0) AS devices_seized,"
                + " coalesce(sum(x.servers_taken_down), 0) AS servers_taken_down,"
                + " coalesce(sum(x.domains_taken_down), 0) AS domains_taken_down,"
                + " coalesce(sum(x.victims_identified), 0) AS victims_identified"
                + " FROM joint_action_outcome x WHERE x.action_id = a.id) AS o WHERE true");
        window(filter, "a.window_start", sql, parameters);
        filter.get(FilterName.STATUS).ifPresent(status -> {
            sql.append(" AND a.status = ?");
            parameters.add(status);
        });
        filter.get(FilterName.PARTNER).ifPresent(partner -> {
            sql.append(" AND EXISTS (SELECT 1 FROM joint_action_participant fp WHERE fp.action_id = a.id"
                    + " AND fp.agency = ?)");
            parameters.add(partner);
        });
        sql.append(" ORDER BY a.window_start, a.id");
        return new TableQuery(JOINT_ACTION_COLUMNS, sql.toString(), parameters);
    }

    private static void window(RecordFilter filter, String anchor, StringBuilder sql, List<Object> parameters) {
        if (filter.window().start() != null) {
            sql.append(" AND ").append(anchor).append(" >= ?");
            parameters.add(filter.window().start());
        }
        if (filter.window().end() != null) {
            sql.append(" AND ").append(anchor).append(" < ?");
            parameters.add(filter.window().end());
        }
    }

    /** The equality filters of requests on alias {@code r}, shared with request statistics. */
    public static void requestWhere(RecordFilter filter, StringBuilder sql, List<Object> parameters) {
        filter.get(FilterName.STATUS).ifPresent(value -> addCondition(sql, parameters, " AND r.status = ?", value));
        filter.get(FilterName.DIRECTION).ifPresent(value -> addCondition(sql, parameters, " AND r.direction = ?", value));
        filter.get(FilterName.INSTRUMENT).ifPresent(value -> addCondition(sql, parameters, " AND r.instrument = ?", value));
        filter.get(FilterName.TYPE).ifPresent(value -> addCondition(sql, parameters, " AND r.request_type = ?", value));
        filter.get(FilterName.URGENCY).ifPresent(value -> addCondition(sql, parameters, " AND r.urgency = ?", value));
        filter.get(FilterName.CATEGORY).ifPresent(value -> addCondition(sql, parameters,
                " AND r.crime_categories @> ARRAY[?]::text[]", value));
        filter.get(FilterName.PARTNER).ifPresent(value -> addCondition(sql, parameters,
                " AND (CASE WHEN r.direction = 'OUTBOUND' THEN r.requested_agency ELSE r.requesting_agency END) = ?",
                value));
    }

    private static void addCondition(StringBuilder sql, List<Object> parameters, String condition, Object value) {
        sql.append(condition);
        parameters.add(value);
    }
}
