package org.casebridge.statistics.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.casebridge.exports.domain.TimeWindow;

/**
 * The length of the periods a statistic is counted in. Periods are calendar periods in a time zone: a day runs from
 * local midnight to local midnight, a week is an ISO week (Monday to Sunday), a month and a year are calendar ones.
 */
public enum PeriodUnit {
    DAY("day"),
    WEEK("week"),
    MONTH("month"),
    YEAR("year");

    private final String sqlField;

    PeriodUnit(String sqlField) {
        this.sqlField = sqlField;
    }

    /** The field name PostgreSQL's {@code date_trunc} takes for this unit. */
    public String sqlField() {
        return sqlField;
    }

    /** The first day of the period that contains {@code day}. */
    public LocalDate startOf(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The first day of the next period, for a period starting on {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case YEAR -> start.plusYears(1);
        };
    }

    /**
     * How a period is named: {@code 2026-03-05}, ISO week {@code 2026-W10} (the week-based year, so 29 December 2025
     * is in {@code 2026-W01}), {@code 2026-03}, {@code 2026}.
     */
    public String label(LocalDate start) {
        LocalDate first = startOf(start);
        return switch (this) {
            case DAY -> first.toString();
            case WEEK -> String.format("%d-W%02d", first.get(IsoFields.WEEK_BASED_YEAR),
                    first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format("%d-%02d", first.getYear(), first.getMonthValue());
            case YEAR -> Integer.toString(first.getYear());
        };
    }

    /** Most periods a series without gaps may have. */
    public static final int MAX_SERIES_PERIODS = 5000;

    /**
     * The starts of every period that overlaps the window, in order, for a series without gaps; empty if the window
     * has an open end.
     */
    public List<LocalDate> startsWithin(TimeWindow window) {
        List<LocalDate> starts = new ArrayList<>();
        if (window.from() == null || window.to() == null) {
            return starts;
        }
        for (LocalDate start = startOf(window.from()); start.isBefore(window.to()); start = next(start)) {
            starts.add(start);
            if (starts.size() > MAX_SERIES_PERIODS) {
                throw new IllegalArgumentException("the window holds more than " + MAX_SERIES_PERIODS + " periods");
            }
        }
        return starts;
    }
}
