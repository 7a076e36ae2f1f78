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
            case EVIDENCE_REQUESTS, JOINT_ACTIONS -> throw new UnsupportedOperationException(dataset + " not yet exported");
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
}
