package org.casebridge.requests.domain;

import java.time.Instant;
import java.util.List;

/**
 * The period an item's data is requested for. Both ends are inclusive and in UTC; either may be null while a client
 * drafts, which validation reports.
 *
 * @param from start of the period
 * @param to   end of the period
 */
public record TimeRange(Instant from, Instant to) {

    void check(String path, List<FieldViolation> out) {
        if (from == null) {
            out.add(new FieldViolation(path + ".from", "is required"));
        }
        if (to == null) {
            out.add(new FieldViolation(path + ".to", "is required"));
        }
        if (from != null && to != null && from.isAfter(to)) {
            out.add(new FieldViolation(path, "must not end before it starts"));
        }
    }
}
