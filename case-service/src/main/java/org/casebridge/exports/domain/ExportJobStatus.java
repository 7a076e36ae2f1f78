package org.casebridge.exports.domain;

/** Where an export job is. */
public enum ExportJobStatus {
    QUEUED,
    RUNNING,
    /** The file is written and can be downloaded until the job expires. */
    SUCCEEDED,
    FAILED,
    /** Stopped or discarded by its owner; any file is deleted. */
    CANCELLED,
    /** The download link lapsed and the file was deleted. */
    EXPIRED;

    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }
}
