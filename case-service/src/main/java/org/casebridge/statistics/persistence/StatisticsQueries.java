package org.casebridge.statistics.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.casebridge.exports.domain.Column;
import org.casebridge.exports.domain.FilterName;
import org.casebridge.exports.domain.RecordFilter;
import org.casebridge.exports.persistence.ExportQueries;
import org.casebridge.statistics.domain.Dimension;
import org.casebridge.statistics.domain.PeriodUnit;
import org.casebridge.statistics.domain.Statistic;

/**
 * The SQL of each statistic: one grouped query, aggregated by PostgreSQL (counts, sums, {@code percentile_cont} for
 * medians and 90th percentiles), grouped by the chosen dimensions in the order given.
 */
public final class StatisticsQueries {

    /** Hours between two timestamps, as a double for {@code percentile_cont}. */
    private static final String HOURS = "extract(epoch from (%s - %s)) / 3600.0";

    private StatisticsQueries() {
    }

    /**
     * A statistic's query.
     *
     * @param columns    dimension columns (text; the period as its first local day) then measures
     * @param sql        the query
     * @param parameters its parameters in order
     * @param counts     which measure columns are counts (zero in an empty period)
     */
    public record GroupedQuery(List<Column> columns, String sql, List<Object> parameters, List<String> counts) {
    }

    /** What to compute. */
    public record Request(Statistic statistic, List<Dimension> dimensions, PeriodUnit unit, RecordFilter filter,
                         String selfAgency, String[] directoryAgencies, String[] directoryJurisdictions, Instant now) {
    }

    private record Measure(Column column, String sql, List<Object> parameters, boolean count) {

        static Measure count(String name, String sql, Object... parameters) {
            return new Measure(Column.number(name), sql, List.of(parameters), true);
        }

        static Measure value(String name, String sql, Object... parameters) {
            return new Measure(Column.number(name), sql, List.of(parameters), false);
        }
    }

    /** Where a statistic's rows come from. */
    private record Source(String from, String baseWhere, String anchor, String partnerJoin, List<Object> partnerParameters,
                          Map<Dimension, String> dimensions, List<Measure> measures,
                          BiConsumer<StringBuilder, List<Object>> filters) {
    }

    public static GroupedQuery of(Request request) {
        Source source = source(request);
        List<Column> columns = new ArrayList<>();
        StringBuilder select = new StringBuilder("SELECT ");
        List<Object> selectParameters = new ArrayList<>();
        StringBuilder joins = new StringBuilder();
        List<Object> joinParameters = new ArrayList<>();
        boolean partnerJoined = false;
        for (Dimension dimension : request.dimensions()) {
            columns.add(Column.text(dimension.column()));
            if (select.length() > 7) {
                select.append(", ");
            }
            switch (dimension) {
                case PERIOD -> {
                    select.append("to_char(date_trunc(?, (").append(source.anchor())
                            .append(") AT TIME ZONE ?), 'YYYY-MM-DD')");
                    selectParameters.add(request.unit().sqlField());
                    selectParameters.add(request.filter().window().zone().getId());
                }
                case PARTNER, JURISDICTION -> {
                    if (!partnerJoined) {
                        joins.append(' ').append(source.partnerJoin());
                        joinParameters.addAll(source.partnerParameters());
                        partnerJoined = true;
                    }
                    if (dimension == Dimension.PARTNER) {
                        select.append("dim_partner.value");
                    } else {
                        select.append("coalesce((SELECT j.jurisdiction FROM unnest(?::text[], ?::text[])"
                                + " AS j(agency, jurisdiction) WHERE j.agency = dim_partner.value), 'UNKNOWN')");
                        selectParameters.add(request.directoryAgencies());
                        selectParameters.add(request.directoryJurisdictions());
                    }
                }
                case CATEGORY -> {
                    String categories = source.dimensions().get(Dimension.CATEGORY);
                    joins.append(" CROSS JOIN LATERAL unnest(").append(categories).append(") AS dim_category(value)");
                    select.append("dim_category.value");
                }
                default -> {
                    String expression = source.dimensions().get(dimension);
                    if (expression == null) {
                        throw new IllegalArgumentException(request.statistic() + " has no dimension " + dimension);
                    }
                    select.append(expression);
                }
            }
        }
        List<String> counts = new ArrayList<>();
        for (Measure measure : source.measures()) {
            columns.add(measure.column());
            select.append(select.length() > 7 ? ", " : "").append(measure.sql()).append(" AS ")
                    .append(measure.column().name());
            selectParameters.addAll(measure.parameters());
            if (measure.count()) {
                counts.add(measure.column().name());
            }
        }
        StringBuilder where = new StringBuilder(" WHERE ").append(source.baseWhere());
        List<Object> whereParameters = new ArrayList<>();
        if (request.filter().window().start() != null) {
            where.append(" AND (").append(source.anchor()).append(") >= ?");
            whereParameters.add(request.filter().window().start());
        }
        if (request.filter().window().end() != null) {
            where.append(" AND (").append(source.anchor()).append(") < ?");
            whereParameters.add(request.filter().window().end());
        }
        source.filters().accept(where, whereParameters);
        StringBuilder sql = new StringBuilder().append(select).append(" FROM ").append(source.from()).append(joins)
                .append(where);
        if (!request.dimensions().isEmpty()) {
            StringBuilder ordinals = new StringBuilder();
            for (int i = 1; i <= request.dimensions().size(); i++) {
                ordinals.append(i > 1 ? ", " : "").append(i);
            }
            sql.append(" GROUP BY ").append(ordinals).append(" ORDER BY ").append(ordinals);
        }
        List<Object> parameters = new ArrayList<>(selectParameters);
        parameters.addAll(joinParameters);
        parameters.addAll(whereParameters);
        return new GroupedQuery(columns, sql.toString(), parameters, counts);
    }

    private static Source source(Request request) {
        String self = request.selfAgency();
        RecordFilter filter = request.filter();
        return switch (request.statistic()) {
            case CASES -> new Source("case_file c", "true", "c.opened_at",
                    "CROSS JOIN LATERAL (SELECT s.agency FROM case_share s WHERE s.case_id = c.id AND c.lead_agency = ?"
                            + " UNION SELECT c.lead_agency WHERE c.lead_agency <> ?) AS dim_partner(value)",
                    List.of(self, self),
                    dimensions(Map.of(Dimension.CATEGORY, "c.crime_categories",
                            Dimension.DIRECTION, "CASE WHEN c.lead_agency = '" + quoted(self)
                                    + "' THEN 'OUTBOUND' ELSE 'INBOUND' END",
                            Dimension.STATUS, "c.status", Dimension.PRIORITY, "c.priority",
                            Dimension.MARKING, "c.marking")),
                    List.of(Measure.count("cases", "count(DISTINCT c.id)")),
                    (sql, parameters) -> ExportQueries.caseWhere(
                            new RecordFilter(unbounded(filter), filter.filters()), self, sql, parameters));
            case REQUESTS -> requests(request, "true", "coalesce(r.sent_at, r.created_at)", List.of(
                    Measure.count("requests", "count(*)"),
                    Measure.count("decided", "count(*) FILTER (WHERE r.decided_at IS NOT NULL)"),
                    Measure.count("refused", "count(*) FILTER (WHERE r.refusal_ground IS NOT NULL)"),
                    Measure.count("fulfilled", "count(*) FILTER (WHERE r.fulfilled_at IS NOT NULL)"),
                    Measure.value("refusal_rate", "round(count(*) FILTER (WHERE r.refusal_ground IS NOT NULL)::numeric"
                            + " / nullif(count(*) FILTER (WHERE r.decided_at IS NOT NULL), 0), 4)"),
                    Measure.value("fulfilment_rate", "round(count(*) FILTER (WHERE r.fulfilled_at IS NOT NULL)::numeric"
                            + " / nullif(count(*) FILTER (WHERE r.decided_at IS NOT NULL"
                            + " AND r.refusal_ground IS NULL), 0), 4)")));
            case REQUEST_TURNAROUND -> requests(request, "r.sent_at IS NOT NULL", "r.sent_at", List.of(
                    Measure.count("received", "count(r.received_at)"),
                    percentile("receipt_median_hours", 0.5, "r.received_at"),
                    percentile("receipt_p90_hours", 0.9, "r.received_at"),
                    Measure.count("decided", "count(r.decided_at)"),
                    percentile("decision_median_hours", 0.5, "r.decided_at"),
                    percentile("decision_p90_hours", 0.9, "r.decided_at"),
                    Measure.count("fulfilled", "count(r.fulfilled_at)"),
                    percentile("fulfilment_median_hours", 0.5, "r.fulfilled_at"),
                    percentile("fulfilment_p90_hours", 0.9, "r.fulfilled_at")));
            case REQUEST_DEADLINES -> {
                String answered = "coalesce(r.fulfilled_at, CASE WHEN r.refusal_ground IS NOT NULL THEN r.decided_at END,"
                        + " CASE WHEN r.status = 'CLOSED' THEN r.closed_at END)";
                String onTime = answered + " <= r.response_due_at";
                String late = "(" + answered + " > r.response_due_at OR (" + answered
                        + " IS NULL AND r.response_due_at < ?))";
                yield requests(request, "r.response_due_at IS NOT NULL AND NOT (r.status = 'WITHDRAWN' AND " + answered
                        + " IS NULL)", "r.response_due_at", List.of(
                        Measure.count("on_time", "count(*) FILTER (WHERE " + onTime + ")"),
                        Measure.count("late", "count(*) FILTER (WHERE " + late + ")", request.now()),
                        Measure.count("pending", "count(*) FILTER (WHERE " + answered
                                + " IS NULL AND r.response_due_at >= ?)", request.now()),
                        Measure.value("on_time_rate", "round(count(*) FILTER (WHERE " + onTime + ")::numeric"
                                + " / nullif(count(*) FILTER (WHERE " + onTime + " OR " + late + "), 0), 4)",
                                request.now())));
            }
            case REFUSAL_GROUNDS -> requests(request, "r.refusal_ground IS NOT NULL AND r.decided_at IS NOT NULL",
                    "r.decided_at", List.of(Measure.count("refusals", "count(*)")));
            case JOINT_ACTIONS -> new Source("joint_action a", "true", "a.window_start",
                    "CROSS JOIN LATERAL (SELECT p.agency FROM joint_action_participant p WHERE p.action_id = a.id"
                            + " AND p.agency <> ?) AS dim_partner(value)", List.of(self),
                    dimensions(Map.of(Dimension.STATUS, "a.status")),
                    List.of(Measure.count("actions", "count(DISTINCT a.id)")), actionFilters(filter, "a.id"));
            case JOINT_ACTION_OUTCOMES -> new Source("joint_action_outcome o JOIN joint_action a ON a.id = o.action_id",
                    "true", "a.window_start", "CROSS JOIN LATERAL (SELECT o.agency) AS dim_partner(value)", List.of(),
                    dimensions(Map.of(Dimension.STATUS, "a.status")),
                    List.of(Measure.count("reports", "count(*)"), Measure.count("arrests", "coalesce(sum(o.arrests), 0)"),
                            Measure.count("searches", "coalesce(sum(o.searches), 0)"),
                            Measure.count("devices_seized", "coalesce(sum(o.devices_seized), 0)"),
                            Measure.count("servers_taken_down", "coalesce(sum(o.servers_taken_down), 0)"),
                            Measure.count("domains_taken_down", "coalesce(sum(o.domains_taken_down), 0)"),
                            Measure.count("victims_identified", "coalesce(sum(o.victims_identified), 0)")),
                    reporterFilters(filter, "o.agency"));
            case ASSET_SEIZURES -> new Source(
                    "joint_action_asset_seizure z JOIN joint_action a ON a.id = z.action_id", "true", "a.window_start",
                    "CROSS JOIN LATERAL (SELECT z.agency) AS dim_partner(value)", List.of(),
                    dimensions(Map.of(Dimension.STATUS, "a.status", Dimension.CURRENCY, "z.currency",
                            Dimension.KIND, "z.kind")),
                    List.of(Measure.count("seizures", "count(*)"), Measure.value("amount", "sum(z.amount)")),
                    reporterFilters(filter, "z.agency"));
        };
    }

    private static Source requests(Request request, String baseWhere, String anchor, List<Measure> measures) {
        String self = request.selfAgency();
        String partner = "CASE WHEN r.direction = 'OUTBOUND' THEN r.requested_agency ELSE r.requesting_agency END";
        RecordFilter filter = request.filter();
        return new Source("evidence_request r", baseWhere, anchor,
                "CROSS JOIN LATERAL (SELECT " + partner + ") AS dim_partner(value)", List.of(),
                dimensions(Map.of(Dimension.CATEGORY, "r.crime_categories", Dimension.INSTRUMENT, "r.instrument",
                        Dimension.TYPE, "r.request_type", Dimension.DIRECTION, "r.direction",
                        Dimension.STATUS, "r.status", Dimension.URGENCY, "r.urgency",
                        Dimension.GROUND, "r.refusal_ground")),
                measures, (sql, parameters) -> ExportQueries.requestWhere(filter, sql, parameters));
    }

    private static BiConsumer<StringBuilder, List<Object>> actionFilters(RecordFilter filter, String actionId) {
        return (sql, parameters) -> {
            filter.get(FilterName.STATUS).ifPresent(value -> add(sql, parameters, " AND a.status = ?", value));
            filter.get(FilterName.PARTNER).ifPresent(value -> add(sql, parameters,
                    " AND EXISTS (SELECT 1 FROM joint_action_participant fp WHERE fp.action_id = " + actionId
                            + " AND fp.agency = ?)", value));
        };
    }

    private static BiConsumer<StringBuilder, List<Object>> reporterFilters(RecordFilter filter, String agency) {
        return (sql, parameters) -> {
            filter.get(FilterName.STATUS).ifPresent(value -> add(sql, parameters, " AND a.status = ?", value));
            filter.get(FilterName.PARTNER).ifPresent(value -> add(sql, parameters, " AND " + agency + " = ?", value));
        };
    }

    private static void add(StringBuilder sql, List<Object> parameters, String condition, Object value) {
        sql.append(condition);
        parameters.add(value);
    }

    private static Measure percentile(String name, double fraction, String until) {
        return Measure.value(name, "round((percentile_cont(" + fraction + ") WITHIN GROUP (ORDER BY "
                + String.format(HOURS, until, "r.sent_at") + "))::numeric, 2)");
    }

    private static Map<Dimension, String> dimensions(Map<Dimension, String> expressions) {
        return new EnumMap<>(expressions);
    }

    /** The case filter without its window: the statistic applies the window itself, to its anchor. */
    private static org.casebridge.exports.domain.TimeWindow unbounded(RecordFilter filter) {
        return new org.casebridge.exports.domain.TimeWindow(null, null, filter.window().zone());
    }

    /** An agency code inside an SQL literal; codes are checked on configuration, this is belt and braces. */
    private static String quoted(String code) {
        if (!code.matches("[A-Z0-9-]+")) {
            throw new IllegalArgumentException("not an agency code: " + code);
        }
        return code;
    }
}
