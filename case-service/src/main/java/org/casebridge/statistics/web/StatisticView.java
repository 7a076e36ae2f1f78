package org.casebridge.statistics.web;

import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casebridge.exports.domain.Column;
import org.casebridge.exports.domain.RecordFilter;
import org.casebridge.statistics.domain.PeriodUnit;
import org.casebridge.statistics.domain.StatisticTable;

/**
 * A statistic as JSON.
 *
 * @param statistic           its name
 * @param period              the period unit of the {@code period} column
 * @param zone                the time zone of periods and of {@code from}/{@code to}
 * @param from                first local day covered, if bounded
 * @param to                  first local day no longer covered, if bounded
 * @param suppressionThreshold counts from 1 below this are null in the rows, with {@code suppressed} true
 * @param columns             the columns, dimensions first
 * @param rows                one object per row, keyed by column name (suppressed values are null)
 */
@Serdeable
public record StatisticView(String statistic, String period, String zone, String from, String to,
                            int suppressionThreshold, List<ColumnView> columns, List<Map<String, Object>> rows) {

    /** A column's name and type ({@code TEXT}, {@code NUMBER}, {@code BOOLEAN}). */
    @Serdeable
    public record ColumnView(String name, String type) {
    }

    static StatisticView of(StatisticTable table, PeriodUnit unit, RecordFilter filter, int threshold) {
        List<ColumnView> columns = table.columns().stream().map(c -> new ColumnView(c.name(), c.type().name())).toList();
        List<Map<String, Object>> rows = new ArrayList<>(table.rows().size());
        for (Object[] row : table.rows()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < row.length; i++) {
                Column column = table.columns().get(i);
                values.put(column.name(), row[i]);
            }
            rows.add(values);
        }
        return new StatisticView(table.name(), unit.name(), filter.window().zone().getId(),
                filter.window().from() == null ? null : filter.window().from().toString(),
                filter.window().to() == null ? null : filter.window().to().toString(), threshold, columns, rows);
    }
}
