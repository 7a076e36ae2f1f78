package org.casebridge.requests.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One milestone's deadline as it stands at an instant.
 *
 * @param milestone       what must happen
 * @param startedAt       when the clock started (receipt or decision)
 * @param nominalDueAt    the deadline without pauses
 * @param dueAt           the deadline, moved later by the paused time counted so far (UTC)
 * @param period          the clock's full running time, from start to the nominal deadline
 * @param pausedFor       paused time counted so far
 * @param paused          true when the clock is standing still at {@code evaluatedAt}
 * @param agreed          true when the due date was agreed by the agencies rather than set by law
 * @param preservation    true for a preservation's expiry
 * @param approachingAt   when {@link DeadlineThreshold#APPROACHING} (or, for a preservation,
 *                        {@link DeadlineThreshold#PRESERVATION_LAPSING}) is reached if nothing changes
 * @param evaluatedAt     the instant the deadline was evaluated at: the instant asked about, or earlier when the
 *                        milestone was met or the request stopped before it
 * @param metAt           when the milestone was met; null if it has not been
 */
public record Deadline(Milestone milestone, Instant startedAt, Instant nominalDueAt, Instant dueAt, Duration period,
                       Duration pausedFor, boolean paused, boolean agreed, boolean preservation,
                       Instant approachingAt, Instant evaluatedAt, Instant metAt) {

    public Deadline {
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(approachingAt, "approachingAt");
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
    }

    /** Time left at {@code evaluatedAt}; negative when overdue. Frozen while paused or once met. */
    public Duration timeLeft() {
        return Duration.between(evaluatedAt, dueAt);
    }

    /** True when the deadline has been reached: at {@code dueAt} no time is left. */
    public boolean isOverdue() {
        return !evaluatedAt.isBefore(dueAt);
    }

    /** The thresholds crossed by {@code evaluatedAt}. */
    public Set<DeadlineThreshold> thresholdsCrossed() {
        Set<DeadlineThreshold> crossed = EnumSet.noneOf(DeadlineThreshold.class);
        boolean nearing = !evaluatedAt.isBefore(approachingAt);
        if (preservation) {
            if (nearing) {
                crossed.add(DeadlineThreshold.PRESERVATION_LAPSING);
            }
            if (isOverdue()) {
                crossed.add(DeadlineThreshold.PRESERVATION_LAPSED);
            }
        } else {
            // evaluatedAt stops at metAt, so a milestone met in time never raises an alarm later
            if (nearing) {
                crossed.add(DeadlineThreshold.APPROACHING);
            }
            if (isOverdue()) {
                crossed.add(DeadlineThreshold.OVERDUE);
            }
        }
        return crossed;
    }
}
