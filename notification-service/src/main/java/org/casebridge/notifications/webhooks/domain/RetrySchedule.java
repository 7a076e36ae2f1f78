package org.casebridge.notifications.webhooks.domain;

import java.time.Duration;

/**
 * Exponential backoff between attempts of one delivery: {@code initial}, then doubling, at most {@code maximum}.
 *
 * @param maxAttempts attempts of one delivery before it is given up
 */
public record RetrySchedule(Duration initial, Duration maximum, int maxAttempts) {

    public RetrySchedule {
        if (initial.isNegative() || initial.isZero() || maximum.compareTo(initial) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("a retry schedule needs 0 < initial <= maximum and maxAttempts >= 1");
        }
    }

    /** The wait after the given number of failed attempts (1 for the first failure). */
    public Duration delayAfter(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(maximum) > 0 ? maximum : delay;
    }

    /** Whether another attempt follows the given number of failed attempts. */
    public boolean retriesAfter(int failedAttempts) {
        return failedAttempts < maxAttempts;
    }
}
