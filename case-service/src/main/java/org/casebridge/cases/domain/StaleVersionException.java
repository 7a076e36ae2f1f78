package org.casebridge.cases.domain;

import java.util.UUID;

/** An update based on a revision of the case that is no longer current (optimistic concurrency). */
public class StaleVersionException extends RuntimeException {

    private final long currentVersion;

    public StaleVersionException(UUID caseId, long expectedVersion, long currentVersion) {
        super("case " + caseId + " is at revision " + currentVersion + ", the update was based on revision "
                + expectedVersion + "; reload and try again");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
