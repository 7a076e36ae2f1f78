package org.casebridge.loadharness;

/**
 * Fixed-rate arrival times of an open-loop load: the k-th update is due at {@code start + k / rate}, whatever
 * happened to the earlier ones. Computing each time from k (not by adding an interval to the previous one) keeps
 * rounding from drifting the rate over a long run.
 */
final class ArrivalSchedule {

    private final long startNanos;
    private final double ratePerSecond;

    ArrivalSchedule(long startNanos, double ratePerSecond) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("the rate must be positive: " + ratePerSecond);
        }
        this.startNanos = startNanos;
        this.ratePerSecond = ratePerSecond;
    }

    /** When the k-th update (from 0) is due, on the {@link System#nanoTime()} scale. */
    long dueNanos(long k) {
        return startNanos + Math.round(k * 1_000_000_000.0 / ratePerSecond);
    }

    /** How many updates are due in {@code [start, start + elapsedNanos)}. */
    long dueWithin(long elapsedNanos) {
        if (elapsedNanos <= 0) {
            return 0;
        }
        return (long) Math.ceil(elapsedNanos * ratePerSecond / 1_000_000_000.0);
    }
}
