package org.casebridge.jointactions.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When the action takes place, in UTC. Each participant sees it in its own time zone through {@link #in(ZoneId)}.
 *
 * @param start first moment of the action
 * @param end   last moment; after {@code start}
 */
public record ActionWindow(Instant start, Instant end) {

    /** Longest window accepted: an action day, or an operation of a few weeks at most. */
    public static final Duration MAX_LENGTH = Duration.ofDays(90);

    public ActionWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new JointActionRuleException("INVALID", "windowEnd", "the window must end after it starts");
        }
        if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
            throw new JointActionRuleException("INVALID", "windowEnd",
                    "the window may last at most " + MAX_LENGTH.toDays() + " days");
        }
    }

    /** The window on the clocks of a time zone; start and end may have different offsets across a DST change. */
    public LocalWindow in(ZoneId zone) {
        return new LocalWindow(zone, start.atZone(zone), end.atZone(zone));
    }

    /**
     * The window as a participant's clocks show it.
     *
     * @param zone  the IANA time zone
     * @param start start in that zone, with the offset in force then
     * @param end   end in that zone, with the offset in force then
     */
    public record LocalWindow(ZoneId zone, ZonedDateTime start, ZonedDateTime end) {
    }
}
