package org.casebridge.exports.persistence;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.casebridge.exports.domain.ExportDataset;
import org.casebridge.exports.domain.ExportFormat;
import org.casebridge.exports.domain.ExportJob;
import org.casebridge.exports.domain.ExportJobStatus;
import org.casebridge.node.persistence.Sql;

/** Export jobs in PostgreSQL. Every method runs in the caller's transaction. */
@Singleton
public class ExportJobStore {

    private static final Argument<Map<String, String>> FILTERS = Argument.mapOf(String.class, String.class);

    private final Sql sql;
    private final JsonMapper json;

    public ExportJobStore(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    public void insert(ExportJob job) {
        try {
            sql.update("INSERT INTO export_job (id, owner, dataset, format, filters, status, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)", job.id(), job.owner(), job.dataset(), job.format(),
                    new Sql.Json(json.writeValueAsString(job.filters())), job.status(), job.createdAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<ExportJob> find(UUID id) {
        return sql.queryOne("SELECT * FROM export_job WHERE id = ?", this::job, id);
    }

    /** A user's jobs, newest first. */
    public List<ExportJob> ofOwner(String owner, int limit) {
        return sql.query("SELECT * FROM export_job WHERE owner = ? ORDER BY created_at DESC, id LIMIT ?", this::job,
                owner, limit);
    }

    /** Marks a queued job running; false if it is no longer queued (cancelled meanwhile). */
    public boolean start(UUID id, Instant now) {
        return sql.update("UPDATE export_job SET status = 'RUNNING', started_at = ?, progress_at = ? WHERE id = ?"
                + " AND status = 'QUEUED'", now, now, id) == 1;
    }

    public void total(UUID id, long totalRows) {
        sql.update("UPDATE export_job SET total_rows = ? WHERE id = ?", totalRows, id);
    }

    /** Records progress; false if the job is no longer running (its owner cancelled it). */
    public boolean progress(UUID id, long rows, long bytes, Instant now) {
        return sql.update("UPDATE export_job SET rows_written = ?, bytes_written = ?, progress_at = ? WHERE id = ?"
                + " AND status = 'RUNNING'", rows, bytes, now, id) == 1;
    }

    /** Marks a running job done; false if it was cancelled at the last moment. */
    public boolean succeed(UUID id, long rows, long bytes, String sha256, Instant now, Instant expiresAt) {
        return sql.update("UPDATE export_job SET status = 'SUCCEEDED', rows_written = ?, bytes_written = ?,"
                        + " sha256 = ?, progress_at = ?, finished_at = ?, expires_at = ? WHERE id = ?"
                        + " AND status = 'RUNNING'", rows, bytes, sha256, now, now, expiresAt, id) == 1;
    }

    public void fail(UUID id, String error, Instant now) {
        sql.update("UPDATE export_job SET status = 'FAILED', error = ?, finished_at = ? WHERE id = ?"
                + " AND status IN ('QUEUED', 'RUNNING')", error, now, id);
    }

    /** Cancels a job that is queued, running or finished; false if it already ended otherwise. */
    public boolean cancel(UUID id, Instant now) {
        return sql.update("UPDATE export_job SET status = 'CANCELLED', finished_at = coalesce(finished_at, ?),"
                + " expires_at = NULL WHERE id = ? AND status IN ('QUEUED', 'RUNNING', 'SUCCEEDED')", now, id) == 1;
    }

    /** Jobs whose link lapsed, now marked expired; their files are to be deleted. */
    public List<UUID> expire(Instant now) {
        return sql.query("UPDATE export_job SET status = 'EXPIRED' WHERE status = 'SUCCEEDED' AND expires_at <= ?"
                + " RETURNING id", row -> Sql.uuid(row, "id"), now);
    }

    /** Jobs a previous run of the node left queued or running: they fail, and their partial files go. */
    public List<UUID> failInterrupted(Instant now) {
        return sql.query("UPDATE export_job SET status = 'FAILED', error = 'the node restarted during the export;"
                + " start it again', finished_at = ? WHERE status IN ('QUEUED', 'RUNNING') RETURNING id",
                row -> Sql.uuid(row, "id"), now);
    }

    private ExportJob job(ResultSet row) throws SQLException {
        Map<String, String> filters;
        try {
            filters = json.readValue(row.getString("filters"), FILTERS);
        } catch (IOException e) {
            throw new SQLException("unreadable filters of export job " + row.getString("id"), e);
        }
        long total = row.getLong("total_rows");
        Long totalRows = row.wasNull() ? null : total;
        return new ExportJob(Sql.uuid(row, "id"), row.getString("owner"),
                ExportDataset.valueOf(row.getString("dataset")), ExportFormat.valueOf(row.getString("format")),
                filters, ExportJobStatus.valueOf(row.getString("status")), totalRows, row.getLong("rows_written"),
                row.getLong("bytes_written"), row.getString("sha256"), row.getString("error"),
                Sql.instant(row, "created_at"), Sql.instant(row, "started_at"), Sql.instant(row, "finished_at"),
                Sql.instant(row, "expires_at"));
    }
}
