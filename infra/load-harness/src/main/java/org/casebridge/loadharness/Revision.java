package org.casebridge.loadharness;

import java.util.UUID;

/** A version of a case: what an update creates at the lead node and what the partner's copy reaches. */
record Revision(UUID caseId, long version) {

    /** Reads the trigger's notification payload, {@code "<case id> <version>"}. */
    static Revision parse(String payload) {
        int space = payload.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("not a revision notification: '" + payload + "'");
        }
        return new Revision(UUID.fromString(payload.substring(0, space)),
                Long.parseLong(payload.substring(space + 1).strip()));
    }
}
