package org.casebridge.requests.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A legal time limit as ISO-8601 writes it ({@code P10D}, {@code PT8H}, {@code P1W}, {@code P1DT12H}).
 *
 * <p>The date part (years, months, weeks, days) is counted in calendar units in the requested agency's time zone,
 * so "10 days" from 14:00 local ends at 14:00 local on the tenth day even when a daylight-saving change falls in
 * between (that period then lasts 239 or 241 hours): that is how a court or an officer reads a limit in days. The
 * time part (hours, minutes, seconds) is exact elapsed time: "8 hours" is always 8 hours.
 *
 * @param calendar the date part, counted in the local calendar
 * @param exact    the time part, counted as elapsed time
 * @param text     the ISO-8601 text it was read from
 */
public record LegalPeriod(Period calendar, Duration exact, String text) {

    public LegalPeriod {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(exact, "exact");
        Objects.requireNonNull(text, "text");
        if (calendar.isNegative() || exact.isNegative() || (calendar.isZero() && exact.isZero())) {
            throw new IllegalArgumentException("a legal period must be positive: " + text);
        }
    }

    /**
     * Reads an ISO-8601 duration such as {@code P10D}, {@code PT8H} or {@code P1DT12H}.
     *
     * @throws IllegalArgumentException if the text is not a positive ISO-8601 duration
     */
    public static LegalPeriod parse(String text) {
        Objects.requireNonNull(text, "text");
        try {
            int timeStart = text.indexOf('T');
            String datePart = timeStart < 0 ? text : text.substring(0, timeStart);
            Period calendar = datePart.equals("P") ? Period.ZERO : Period.parse(datePart);
            Duration exact = timeStart < 0 ? Duration.ZERO : Duration.parse("P" + text.substring(timeStart));
            return new LegalPeriod(calendar, exact, text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 duration: " + text, e);
        }
    }

    /** The instant this period ends when it starts at {@code start}, calendar units counted in {@code zone}. */
    public Instant addTo(Instant start, ZoneId zone) {
        // a local time that falls into a spring-forward gap moves forward by the gap (ZonedDateTime's rule)
        return start.atZone(zone).plus(calendar).toInstant().plus(exact);
    }

    /** The instant this period before {@code end} starts, calendar units counted in {@code zone}. */
    public Instant subtractFrom(Instant end, ZoneId zone) {
        return end.minus(exact).atZone(zone).minus(calendar).toInstant();
    }

    /** True when this period is no longer than {@code other} for every start (compared as 24-hour days). */
    public boolean isAtMost(LegalPeriod other) {
        return nominalLength().compareTo(other.nominalLength()) <= 0;
    }

    private Duration nominalLength() {
        // months as 31 days and years as 366 days: generous, used only to compare limits
        long days = calendar.getYears() * 366L + calendar.getMonths() * 31L + calendar.getDays();
        return Duration.ofDays(days).plus(exact);
    }

    @Override
    public String toString() {
        return text;
    }
}
