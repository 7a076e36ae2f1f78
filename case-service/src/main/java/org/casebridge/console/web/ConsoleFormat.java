package org.casebridge.console.web;

import io.micronaut.context.MessageSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Formats times for one viewer: in the viewer's time zone and language, with UTC for the hover text, and the time
 * left until a deadline. Templates reach it as {@code fmt}.
 */
public final class ConsoleFormat {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ZoneId zone;
    private final Locale locale;
    private final MessageSource messages;
    private final Clock clock;
    private final DateTimeFormatter local;

    public ConsoleFormat(ZoneId zone, Locale locale, MessageSource messages, Clock clock) {
        this.zone = zone;
        this.locale = locale;
        this.messages = messages;
        this.clock = clock;
        this.local = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The time in the viewer's zone and language, e.g. {@code 26 Nov 2026, 09:00}. */
    public String time(Instant at) {
        return at == null ? "" : local.format(at);
    }

    /** The same time in UTC, for the hover text. */
    public String utc(Instant at) {
        return at == null ? "" : UTC.format(at);
    }

    /** The time as an ISO 8601 instant, for {@code <time datetime>}. */
    public String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    /** The time in another zone, e.g. a partner's local time. */
    public String timeIn(Instant at, ZoneId otherZone) {
        return at == null ? "" : local.withZone(otherZone).format(at);
    }

    /** The time now in another zone. */
    public String nowIn(ZoneId otherZone) {
        return timeIn(clock.instant(), otherZone);
    }

    public boolean overdue(Instant due) {
        return due != null && !due.isAfter(clock.instant());
    }

    /**
     * The time left until {@code due} (or past it), in words: {@code 2 days 3 h left} or {@code overdue by 5 h}.
     */
    public String left(Instant due) {
        if (due == null) {
            return "";
        }
        Duration span = Duration.between(clock.instant(), due);
        String amount = amount(span.abs());
        return span.isNegative() || span.isZero()
                ? message("deadline.overdue", amount)
                : message("deadline.left", amount);
    }

    /** An ISO 8601 period or duration ({@code P10D}, {@code PT8H}) in words: {@code 10 d}, {@code 8 h}. */
    public String period(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            if (iso.startsWith("PT")) {
                return amount(Duration.parse(iso));
            }
            java.time.Period period = java.time.Period.parse(iso);
            if (period.getMonths() == 0 && period.getYears() == 0) {
                return message("duration.days", period.getDays());
            }
            return iso;
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    private String amount(Duration span) {
        long days = span.toDays();
        long hours = span.toHoursPart();
        long minutes = span.toMinutesPart();
        if (days > 0) {
            return message("duration.days", days) + (hours > 0 ? " " + message("duration.hours", hours) : "");
        }
        if (hours > 0) {
            return message("duration.hours", hours) + (minutes > 0 ? " " + message("duration.minutes", minutes) : "");
        }
        return message("duration.minutes", Math.max(minutes, span.isZero() ? 0 : 1));
    }

    private String message(String key, Object value) {
        // The message source fills {0} from the context's variables (a variable it lacks reads as its name).
        return messages.getMessage(key, MessageSource.MessageContext.of(locale, java.util.Map.of("0", value)), key);
    }
}
