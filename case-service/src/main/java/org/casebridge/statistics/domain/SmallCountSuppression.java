package org.casebridge.statistics.domain;

/**
 * Hides counts small enough to point at individual cases or people in statistics that leave the node.
 *
 * <p>A count of at least 1 and below the threshold is suppressed; zero is not (nothing to point at). A threshold of
 * 0 or 1 suppresses nothing. Whatever is derived from a suppressed count (a rate, a median, a sum of amounts) is
 * suppressed with it, because it too describes those few cases.
 *
 * @param threshold the smallest count that is shown
 */
public record SmallCountSuppression(int threshold) {

    public SmallCountSuppression {
        if (threshold < 0) {
            throw new IllegalArgumentException("threshold must not be negative");
        }
    }

    /** Whether a count is hidden. */
    public boolean hides(long count) {
        return count > 0 && count < threshold;
    }
}
