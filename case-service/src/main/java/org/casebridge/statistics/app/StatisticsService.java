package org.casebridge.statistics.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casebridge.audit.app.AuditTrail;
import org.casebridge.audit.domain.AuditAction;
import org.casebridge.audit.domain.AuditEvent;
import org.casebridge.directory.PartnerAgency;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.exports.domain.Column;
import org.casebridge.exports.domain.ColumnType;
import org.casebridge.exports.domain.RecordFilter;
import org.casebridge.node.persistence.Sql;
import org.casebridge.statistics.domain.Dimension;
import org.casebridge.statistics.domain.PeriodUnit;
import org.casebridge.statistics.domain.SmallCountSuppression;
import org.casebridge.statistics.domain.Statistic;
import org.casebridge.statistics.domain.StatisticTable;
import org.casebridge.statistics.persistence.StatisticsQueries;
import org.casebridge.support.agency.AgencyConfiguration;

/**
 * Computes statistics in PostgreSQL and hands them out with small counts suppressed. Every statistic given out is
 * audited.
 */
@Singleton
public class StatisticsService {

    static final String AUDIT_OBJECT = "STATISTIC";

    private final Sql sql;
    private final AgencyConfiguration agency;
    private final PartnerDirectory directory;
    private final AuditTrail audit;
    private final Clock clock;
    private final SmallCountSuppression suppression;

    public StatisticsService(Sql sql, AgencyConfiguration agency, PartnerDirectory directory, AuditTrail audit,
                             Clock clock, StatisticsSettings settings) {
        this.sql = sql;
        this.agency = agency;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.suppression = new SmallCountSuppression(settings.getSmallCountThreshold());
    }

    /** The suppression applied to everything {@link #publish} gives out. */
    public SmallCountSuppression suppression() {
        return suppression;
    }

    /** A statistic as it may leave the node: small counts suppressed, the read audited. */
    @Transactional
    public StatisticTable publish(Statistic statistic, List<Dimension> dimensions, PeriodUnit unit,
                                  RecordFilter filter, String purpose) {
        StatisticTable table = compute(statistic, dimensions, unit, filter)
                .suppressed(suppression, statistic.measureGroups());
        String detail = statistic.path() + " " + purpose + " by " + dimensions + " " + unit + " " + filter.filters()
                + " from " + filter.window().from() + " to " + filter.window().to() + " " + filter.window().zone();
        audit.record(AuditEvent.success(AuditAction.STATISTICS_EXPORTED, AUDIT_OBJECT, statistic.path())
                .withDetail(detail.length() > AuditEvent.MAX_DETAIL_LENGTH
                        ? detail.substring(0, AuditEvent.MAX_DETAIL_LENGTH) : detail));
        return table;
    }

    /**
     * The statistic with every count as computed, for use inside the node only.
     *
     * @param dimensions the chosen dimensions, in order; the statistic's fixed ones follow
     */
    @Transactional
    public StatisticTable compute(Statistic statistic, List<Dimension> dimensions, PeriodUnit unit,
                                  RecordFilter filter) {
        List<Dimension> all = new ArrayList<>(dimensions);
        all.addAll(statistic.fixedDimensions());
        List<PartnerAgency> agencies = directory.agencies();
        StatisticsQueries.GroupedQuery query = StatisticsQueries.of(new StatisticsQueries.Request(statistic, all, unit,
                filter, agency.getCode(), agencies.stream().map(PartnerAgency::code).toArray(String[]::new),
                agencies.stream().map(PartnerAgency::jurisdiction).toArray(String[]::new), clock.instant()));
        List<Column> columns = query.columns();
        List<Object[]> rows = sql.query(query.sql(), row -> values(row, columns), query.parameters().toArray());
        int periodIndex = all.indexOf(Dimension.PERIOD);
        if (periodIndex >= 0 && all.size() == 1) {
            rows = withoutGaps(rows, columns, query.counts(), unit, filter);
        }
        return labelled(statistic, columns, rows, periodIndex, unit);
    }

    private static Object[] values(ResultSet row, List<Column> columns) throws SQLException {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = columns.get(i).type() == ColumnType.TEXT ? row.getString(i + 1) : row.getObject(i + 1);
        }
        return values;
    }

    /** A time series over a bounded window gets a row for every period, with zero counts where nothing happened. */
    private static List<Object[]> withoutGaps(List<Object[]> rows, List<Column> columns, List<String> counts,
                                              PeriodUnit unit, RecordFilter filter) {
        List<LocalDate> starts = unit.startsWithin(filter.window());
        if (starts.isEmpty()) {
            return rows;
        }
        Map<String, Object[]> byStart = new HashMap<>();
        for (Object[] row : rows) {
            byStart.put((String) row[0], row);
        }
        List<Object[]> filled = new ArrayList<>(starts.size());
        for (LocalDate start : starts) {
            Object[] row = byStart.get(start.toString());
            if (row == null) {
                row = new Object[columns.size()];
                row[0] = start.toString();
                for (int i = 1; i < row.length; i++) {
                    row[i] = counts.contains(columns.get(i).name()) ? 0L : null;
                }
            }
            filled.add(row);
        }
        return filled;
    }

    /** The period column becomes its label ({@code 2026-03}) followed by its first local day. */
    private static StatisticTable labelled(Statistic statistic, List<Column> columns, List<Object[]> rows,
                                           int periodIndex, PeriodUnit unit) {
        if (periodIndex < 0) {
            return new StatisticTable(statistic.path(), columns, rows);
        }
        List<Column> withStart = new ArrayList<>(columns);
        withStart.add(periodIndex + 1, Column.text("period_start"));
        List<Object[]> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object[] copy = new Object[row.length + 1];
            System.arraycopy(row, 0, copy, 0, periodIndex);
            LocalDate start = LocalDate.parse((String) row[periodIndex]);
            copy[periodIndex] = unit.label(start);
            copy[periodIndex + 1] = start.toString();
            System.arraycopy(row, periodIndex + 1, copy, periodIndex + 2, row.length - periodIndex - 1);
            out.add(copy);
        }
        return new StatisticTable(statistic.path(), withStart, out);
    }
}
