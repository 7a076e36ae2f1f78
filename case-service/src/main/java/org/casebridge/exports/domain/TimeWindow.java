package org.casebridge.exports.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A stretch of time in a time zone, for exports and statistics.
 *
 * <p>{@code from} and {@code to} are local dates in the zone: the window starts at local midnight at the start of
 * {@code from} and ends at local midnight at the start of {@code to} ({@code to} itself is not included). Either may
 * be absent for an open end. The zone is also the one statistics count their periods in.
 *
 * @param from first local day included, or null
 * @param to   first local day no longer included, or null
 * @param zone the zone of {@code from}, {@code to} and of periods
 */
public record TimeWindow(LocalDate from, LocalDate to, ZoneId zone) {

    public TimeWindow {
        Objects.requireNonNull(zone, "zone");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /** No bounds, periods in UTC. */
    public static TimeWindow unbounded() {
        return new TimeWindow(null, null, java.time.ZoneOffset.UTC);
    }

    /** The instant the window starts, or null if it is open at the start. */
    public Instant start() {
        return from == null ? null : from.atStartOfDay(zone).toInstant();
    }

    /** The instant the window ends (excluded), or null if it is open at the end. */
    public Instant end() {
        return to == null ? null : to.atStartOfDay(zone).toInstant();
    }
}
