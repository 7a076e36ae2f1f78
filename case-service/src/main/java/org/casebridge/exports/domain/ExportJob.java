package org.casebridge.exports.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A background export and how far it got.
 *
 * @param id           the job's id, also its file's name
 * @param owner        who started it; only they can see and download it
 * @param dataset      what is exported
 * @param format       the file format
 * @param filters      the filter parameters as given (name to value), kept to show and to rerun
 * @param status       where the job is
 * @param totalRows    rows the export will write, counted when it starts; null before
 * @param rowsWritten  rows written so far
 * @param bytesWritten bytes written so far
 * @param sha256       hex SHA-256 of the finished file, for the downloader to check
 * @param error        why it failed, for the owner (no internals)
 * @param createdAt    when it was asked for
 * @param startedAt    when it started running
 * @param finishedAt   when it succeeded, failed or was cancelled
 * @param expiresAt    until when the file can be downloaded
 */
public record ExportJob(UUID id, String owner, ExportDataset dataset, ExportFormat format, Map<String, String> filters,
                        ExportJobStatus status, Long totalRows, long rowsWritten, long bytesWritten, String sha256,
                        String error, Instant createdAt, Instant startedAt, Instant finishedAt, Instant expiresAt) {

    public ExportJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(format, "format");
        filters = Map.copyOf(filters);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new job waiting for a worker. */
    public static ExportJob queued(UUID id, String owner, ExportDataset dataset, ExportFormat format,
                                   Map<String, String> filters, Instant now) {
        return new ExportJob(id, owner, dataset, format, filters, ExportJobStatus.QUEUED, null, 0, 0, null, null, now,
                null, null, null);
    }

    /** Percent done, 0 to 100; null while the total is not known yet. */
    public Double percent() {
        if (status == ExportJobStatus.SUCCEEDED) {
            return 100.0;
        }
        if (totalRows == null) {
            return null;
        }
        if (totalRows == 0) {
            return status.isActive() ? 0.0 : 100.0;
        }
        return Math.min(100.0, Math.floor(1000.0 * rowsWritten / totalRows) / 10.0);
    }

    /**
     * Time left at the rate so far, while the job runs and has written something; null otherwise.
     */
    public Duration estimatedTimeLeft(Instant now) {
        if (status != ExportJobStatus.RUNNING || startedAt == null || totalRows == null || rowsWritten <= 0) {
            return null;
        }
        long elapsedMillis = Math.max(1, Duration.between(startedAt, now).toMillis());
        long left = Math.max(0, totalRows - rowsWritten);
        return Duration.ofMillis(Math.round((double) elapsedMillis * left / rowsWritten));
    }

    /** Whether the file can be downloaded now. */
    public boolean downloadable(Instant now) {
        return status == ExportJobStatus.SUCCEEDED && expiresAt != null && now.isBefore(expiresAt);
    }

    /** The name the downloaded file gets. */
    public String fileName() {
        return dataset.path() + "-" + id + "." + format.extension();
    }
}
