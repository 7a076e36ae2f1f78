package org.casebridge.requests.domain;

/**
 * A point on a clock worth telling someone about. Within one state of a request each threshold, once crossed, stays
 * crossed, so a monitor can emit each one once by remembering what it already emitted.
 */
public enum DeadlineThreshold {
    /** The configured share of the period (75 % in the shipped catalogue) has elapsed. */
    APPROACHING,
    /** The deadline has passed without the milestone being met. */
    OVERDUE,
    /** A preservation lapses within the instrument's warning lead. */
    PRESERVATION_LAPSING,
    /** A preservation has lapsed; the requested agency may release the data. */
    PRESERVATION_LAPSED
}
