package org.casebridge.exports.persistence;

import java.util.List;
import java.util.Objects;
import org.casebridge.exports.domain.Column;

/**
 * A query whose rows are an export: the SQL selects exactly the columns, in order. Timestamps are selected as ISO 8601
 * text in UTC (see {@link #utc(String)}) so that PostgreSQL formats them and the export writes them as they come.
 *
 * @param columns    the columns, in the order the SQL selects them
 * @param sql        the query, with {@code ?} placeholders
 * @param parameters values for the placeholders
 */
public record TableQuery(List<Column> columns, String sql, List<Object> parameters) {

    public TableQuery {
        columns = List.copyOf(columns);
        Objects.requireNonNull(sql, "sql");
        parameters = List.copyOf(parameters);
    }

    /** The same query counting its rows instead, for progress. */
    public String countSql() {
        return "SELECT count(*) FROM (" + sql + ") AS rows_to_export";
    }

    /** SQL for a {@code timestamptz} expression as ISO 8601 text in UTC with microseconds. */
    public static String utc(String expression) {
        return "to_char(" + expression + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
    }
}
