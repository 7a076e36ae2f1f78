package org.casebridge.requests.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The facts about one request that its legal clocks depend on.
 *
 * @param urgency            the request's urgency
 * @param accessibility      whether the data is directly accessible; null when the instrument does not care
 * @param receivedAt         the requested agency's receipt
 * @param decidedAt          when the requested agency accepted it; null before
 * @param pauses             times spent waiting for information, in order
 * @param agreedDueDate      the due date agreed for instruments without a legal limit; null until agreed
 * @param preservationExpiry the preservation's current expiry (after extensions); null to use the catalogue period
 * @param metAt              when each milestone was met; a met milestone's clock stops there
 * @param stoppedAt          when the request reached a terminal status; every clock stops there; null before
 */
public record ClockInput(Urgency urgency, DataAccessibility accessibility, Instant receivedAt, Instant decidedAt,
                         List<PauseInterval> pauses, Instant agreedDueDate, Instant preservationExpiry,
                         Map<Milestone, Instant> metAt, Instant stoppedAt) {

    public ClockInput {
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(receivedAt, "receivedAt");
        pauses = List.copyOf(pauses);
        metAt = metAt.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(metAt));
    }

    /** A request received at {@code receivedAt}, not yet paused, decided or met. */
    public static ClockInput receivedAt(Instant receivedAt, Urgency urgency, DataAccessibility accessibility) {
        return new ClockInput(urgency, accessibility, receivedAt, null, List.of(), null, null, Map.of(), null);
    }

    public ClockInput withPauses(List<PauseInterval> newPauses) {
        return new ClockInput(urgency, accessibility, receivedAt, decidedAt, newPauses, agreedDueDate,
                preservationExpiry, metAt, stoppedAt);
    }

    public ClockInput withDecidedAt(Instant at) {
        return new ClockInput(urgency, accessibility, receivedAt, at, pauses, agreedDueDate, preservationExpiry,
                metAt, stoppedAt);
    }

    public ClockInput withAgreedDueDate(Instant dueDate) {
        return new ClockInput(urgency, accessibility, receivedAt, decidedAt, pauses, dueDate, preservationExpiry,
                metAt, stoppedAt);
    }

    public ClockInput withPreservationExpiry(Instant expiry) {
        return new ClockInput(urgency, accessibility, receivedAt, decidedAt, pauses, agreedDueDate, expiry, metAt,
                stoppedAt);
    }

    public ClockInput withMet(Milestone milestone, Instant at) {
        Map<Milestone, Instant> met = new EnumMap<>(Milestone.class);
        met.putAll(metAt);
        met.put(milestone, at);
        return new ClockInput(urgency, accessibility, receivedAt, decidedAt, pauses, agreedDueDate,
                preservationExpiry, met, stoppedAt);
    }

    public ClockInput withStoppedAt(Instant at) {
        return new ClockInput(urgency, accessibility, receivedAt, decidedAt, pauses, agreedDueDate,
                preservationExpiry, metAt, at);
    }
}
