package org.casebridge.statistics.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.casebridge.exports.domain.Column;

/**
 * A statistic as a table: dimension columns (what the rows are grouped by) followed by measure columns, and the rows.
 * The same table is answered as JSON and exported as CSV or JSON Lines.
 *
 * @param name       the statistic's name, e.g. {@code cases} or {@code request-turnaround}
 * @param columns    every column, dimensions first
 * @param rows       the values of each row, in column order
 */
public record StatisticTable(String name, List<Column> columns, List<Object[]> rows) {

    /** The column that says whether a row had counts suppressed. */
    public static final String SUPPRESSED = "suppressed";

    public StatisticTable {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** The position of a column by name. */
    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + column + " in " + name);
    }

    /**
     * The table as it may leave the node: for each measure group whose count is hidden, the count and every measure
     * derived from it become null, and the row's {@value #SUPPRESSED} column (added at the end) says true.
     */
    public StatisticTable suppressed(SmallCountSuppression suppression, List<MeasureGroup> groups) {
        List<Column> withFlag = new ArrayList<>(columns);
        withFlag.add(Column.bool(SUPPRESSED));
        List<Object[]> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object[] copy = Arrays.copyOf(row, row.length + 1);
            boolean any = false;
            for (MeasureGroup group : groups) {
                Object count = row[indexOf(group.count())];
                if (count instanceof Number number && suppression.hides(number.longValue())) {
                    any = true;
                    copy[indexOf(group.count())] = null;
                    for (String derived : group.derived()) {
                        copy[indexOf(derived)] = null;
                    }
                }
            }
            copy[row.length] = any;
            out.add(copy);
        }
        return new StatisticTable(name, withFlag, out);
    }

    /**
     * A count and the measures computed from the rows it counts.
     *
     * @param count   the count column
     * @param derived columns hidden together with the count
     */
    public record MeasureGroup(String count, List<String> derived) {

        public MeasureGroup {
            Objects.requireNonNull(count, "count");
            derived = List.copyOf(derived);
        }

        public static MeasureGroup of(String count, String... derived) {
            return new MeasureGroup(count, List.of(derived));
        }
    }
}
