package org.casebridge.exports.app;

import io.micronaut.context.annotation.Context;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.casebridge.audit.app.AuditTrail;
import org.casebridge.audit.app.CurrentActor;
import org.casebridge.audit.domain.AuditAction;
import org.casebridge.audit.domain.AuditEvent;
import org.casebridge.audit.domain.AuditOutcome;
import org.casebridge.exports.domain.ExportDataset;
import org.casebridge.exports.domain.ExportFormat;
import org.casebridge.exports.domain.ExportJob;
import org.casebridge.exports.domain.RecordFilter;
import org.casebridge.exports.persistence.ExportJobStore;
import org.casebridge.exports.persistence.ExportQueries;
import org.casebridge.exports.persistence.RowCursor;
import org.casebridge.exports.persistence.TableQuery;
import org.casebridge.support.agency.AgencyConfiguration;
import org.casebridge.support.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports that run in the background and write a file, with progress an owner can watch, and a download that expires.
 *
 * <p>A job streams from a database cursor into a file, so memory stays flat whatever the size. Its row is updated
 * every few thousand rows (and the update tells a running job that its owner cancelled it). The file is only
 * visible under its final name once complete; its SHA-256 is recorded. Files are deleted when the link expires or
 * the job is cancelled; jobs a stopped node left unfinished fail at the next start.
 */
@Context
public class ExportJobService {

    private static final Logger LOG = LoggerFactory.getLogger(ExportJobService.class);
    static final String AUDIT_OBJECT = "EXPORT_JOB";
    /** Most jobs a user's list shows. */
    public static final int LIST_LIMIT = 50;
    /** Rows between progress updates. */
    static final long PROGRESS_EVERY = 5_000;

    private final ExportJobStore store;
    private final TransactionOperations<Connection> transactions;
    private final DataSource dataSource;
    private final AgencyConfiguration agency;
    private final AuditTrail audit;
    private final CurrentActor actors;
    private final Clock clock;
    private final ExportSettings settings;
    private final Path directory;
    private final ExecutorService workers;

    public ExportJobService(ExportJobStore store, TransactionOperations<Connection> transactions,
                            DataSource dataSource, AgencyConfiguration agency, AuditTrail audit, CurrentActor actors,
                            Clock clock, ExportSettings settings) throws IOException {
        this.store = store;
        this.transactions = transactions;
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.agency = agency;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
        this.settings = settings;
        this.directory = settings.getDirectory() != null ? settings.getDirectory()
                : Path.of(System.getProperty("java.io.tmpdir"), "casebridge-exports", agency.getCode());
        Files.createDirectories(directory);
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, settings.getJobThreads()), runnable -> {
            Thread thread = new Thread(runnable, "export-job-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        List<UUID> interrupted = transactions.executeWrite(status -> store.failInterrupted(clock.instant()));
        interrupted.forEach(this::deleteFiles);
    }

    /**
     * Queues an export for the current user and audits it; the job starts once the caller's transaction has
     * committed (see {@link #submit}).
     */
    public ExportJob create(ExportDataset dataset, ExportFormat format, Map<String, String> filters,
                            RecordFilter parsed, String owner) {
        ExportJob job = ExportJob.queued(UUID.randomUUID(), owner, dataset, format, withoutBlanks(filters),
                clock.instant());
        transactions.executeWrite(status -> {
            store.insert(job);
            audit.record(AuditEvent.success(AuditAction.STATISTICS_EXPORTED, AUDIT_OBJECT, job.id().toString())
                    .withDetail(ExportService.describe(dataset.path() + " job", format, parsed)));
            return null;
        });
        return job;
    }

    /** Hands a committed job to a worker. */
    public void submit(UUID id, RecordFilter filter) {
        workers.submit(() -> run(id, filter));
    }

    /** The job, if the user may see it (their own; administrators see every job). */
    public ExportJob visible(UUID id, String user, boolean administrator) {
        ExportJob job = transactions.executeRead(status -> store.find(id)).orElse(null);
        if (job == null || !(administrator || job.owner().equals(user))) {
            throw ProblemException.notFound("export job " + id);
        }
        return job;
    }

    public List<ExportJob> list(String owner) {
        return transactions.executeRead(status -> store.ofOwner(owner, LIST_LIMIT));
    }

    /** Stops a queued or running job, or discards a finished one with its file. */
    public ExportJob cancel(UUID id, String user, boolean administrator) {
        ExportJob job = visible(id, user, administrator);
        boolean cancelled = transactions.executeWrite(status -> {
            boolean changed = store.cancel(id, clock.instant());
            if (changed) {
                audit.record(new AuditEvent(AuditAction.STATISTICS_EXPORTED, AUDIT_OBJECT, id.toString(),
                        AuditOutcome.SUCCESS, "export job cancelled"));
            }
            return changed;
        });
        if (!cancelled) {
            throw ProblemException.conflict("EXPORT_JOB_ENDED", "the export job already ended: " + job.status());
        }
        deleteFiles(id);
        return visible(id, user, administrator);
    }

    /** The finished file of a job the user may see, audited as a read. */
    public Path download(UUID id, String user, boolean administrator) {
        ExportJob job = visible(id, user, administrator);
        Instant now = clock.instant();
        if (!job.downloadable(now)) {
            if (job.status().isActive()) {
                throw ProblemException.conflict("EXPORT_NOT_READY", "the export is still " + job.status()
                        + "; download it when it has succeeded");
            }
            throw new ProblemException(HttpStatus.GONE, "EXPORT_GONE", "the export's file is no longer available ("
                    + job.status() + "); start the export again");
        }
        Path file = finalFile(id);
        if (!Files.isRegularFile(file)) {
            throw new ProblemException(HttpStatus.GONE, "EXPORT_GONE", "the export's file is no longer available");
        }
        audit.recordSeparately(new AuditEvent(AuditAction.STATISTICS_EXPORTED, AUDIT_OBJECT, id.toString(),
                AuditOutcome.SUCCESS, "export file downloaded"));
        return file;
    }

    /** Deletes the files of jobs whose link lapsed. */
    @Scheduled(fixedDelay = "${casebridge.exports.cleanup-interval:1m}",
            initialDelay = "${casebridge.exports.cleanup-interval:1m}")
    public void expire() {
        List<UUID> expired = transactions.executeWrite(status -> store.expire(clock.instant()));
        expired.forEach(this::deleteFiles);
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    private void run(UUID id, RecordFilter filter) {
        try {
            if (!transactions.executeWrite(status -> store.start(id, clock.instant()))) {
                return;
            }
            ExportJob job = transactions.executeRead(status -> store.find(id)).orElseThrow();
            TableQuery query = ExportQueries.of(job.dataset(), filter, agency.getCode());
            long total = RowCursor.count(dataSource, query);
            transactions.executeWrite(status -> {
                store.total(id, total);
                return null;
            });
            Path part = partFile(id);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long rows;
            CountingStream counted;
            try (OutputStream file = Files.newOutputStream(part);
                 CountingStream counting = new CountingStream(new DigestOutputStream(file, sha256));
                 BufferedOutputStream buffered = new BufferedOutputStream(counting, 1 << 16);
                 RowCursor cursor = RowCursor.open(dataSource, query, RowCursor.DEFAULT_FETCH_SIZE)) {
                counted = counting;
                TableWriter writer = TableWriter.open(job.format(), query.columns(), buffered);
                rows = TableExport.copy(cursor, writer, PROGRESS_EVERY, written -> {
                    buffered.flush();
                    boolean running = transactions.executeWrite(
                            status -> store.progress(id, written, counting.count, clock.instant()));
                    if (!running) {
                        throw new CancelledException();
                    }
                });
                buffered.flush();
            }
            Files.move(part, finalFile(id), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Instant now = clock.instant();
            long bytes = counted.count;
            String hash = HexFormat.of().formatHex(sha256.digest());
            boolean succeeded = transactions.executeWrite(status -> {
                boolean done = store.succeed(id, rows, bytes, hash, now, now.plus(settings.getLinkLifetime()));
                if (done) {
                    audit.record(new AuditEvent(AuditAction.STATISTICS_EXPORTED, AUDIT_OBJECT, id.toString(),
                            AuditOutcome.SUCCESS, "export job wrote " + rows + " rows"), actors.system(id.toString()));
                }
                return done;
            });
            if (!succeeded) {
                deleteFiles(id);
            }
        } catch (CancelledException e) {
            deleteFiles(id);
        } catch (IOException | SQLException | NoSuchAlgorithmException | RuntimeException e) {
            LOG.warn("export job {} failed", id, e);
            deleteFiles(id);
            try {
                transactions.executeWrite(status -> {
                    store.fail(id, "the export failed; try again, or narrow the filters", clock.instant());
                    return null;
                });
            } catch (RuntimeException again) {
                LOG.warn("could not mark export job {} failed", id, again);
            }
        }
    }

    /** A job's file when complete. */
    Path finalFile(UUID id) {
        return directory.resolve(id + ".export");
    }

    private Path partFile(UUID id) {
        return directory.resolve(id + ".part");
    }

    private void deleteFiles(UUID id) {
        try {
            Files.deleteIfExists(partFile(id));
            Files.deleteIfExists(finalFile(id));
        } catch (IOException e) {
            LOG.warn("could not delete the files of export job {}", id, e);
        }
    }

    private static Map<String, String> withoutBlanks(Map<String, String> filters) {
        Map<String, String> kept = new LinkedHashMap<>();
        filters.forEach((name, value) -> {
            if (name != null && value != null && !value.isBlank()) {
                kept.put(name, value.strip());
            }
        });
        return kept;
    }

    /** Thrown from a progress update when the owner cancelled the job. */
    private static final class CancelledException extends IOException {
    }

    /** Counts the bytes that pass. */
    private static final class CountingStream extends FilterOutputStream {

        private volatile long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
