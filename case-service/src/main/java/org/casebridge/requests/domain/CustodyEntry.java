package org.casebridge.requests.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One step in an evidence item's chain of custody.
 *
 * @param handledBy who handled it (name or user id, and agency)
 * @param at        when (UTC, kept to the millisecond the message contract carries)
 * @param action    what was done
 * @param note      free text; null when there is nothing to add
 */
public record CustodyEntry(String handledBy, Instant at, CustodyAction action, String note) {

    public CustodyEntry {
        at = at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
    }
}
