package org.casebridge.exports.web;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.casebridge.exports.domain.ExportJob;

/**
 * An export job as its owner sees it.
 *
 * @param percent              0 to 100, once the total is known
 * @param estimatedSecondsLeft at the rate so far, while running
 * @param download             where to download the file (with the same bearer token or console session) while
 *                             the link is valid; it holds no secret
 */
@Serdeable
public record ExportJobView(String id, String dataset, String format, Map<String, String> filters, String status,
                            Long totalRows, long rowsWritten, Double percent, Long estimatedSecondsLeft,
                            Instant createdAt, Instant startedAt, Instant finishedAt, Instant expiresAt,
                            String download, Long sizeBytes, String sha256, String error) {

    static ExportJobView of(ExportJob job, Instant now) {
        Duration left = job.estimatedTimeLeft(now);
        boolean ready = job.downloadable(now);
        return new ExportJobView(job.id().toString(), job.dataset().path(), job.format().name().toLowerCase(),
                job.filters(), job.status().name(), job.totalRows(), job.rowsWritten(), job.percent(),
                left == null ? null : (long) Math.ceil(left.toMillis() / 1000.0), job.createdAt(), job.startedAt(),
                job.finishedAt(), job.expiresAt(), ready ? ExportJobController.PATH + "/" + job.id() + "/file" : null,
                ready ? job.bytesWritten() : null, ready ? job.sha256() : null, job.error());
    }
}
