package org.casebridge.exports.app;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.casebridge.audit.app.AuditTrail;
import org.casebridge.audit.domain.AuditAction;
import org.casebridge.audit.domain.AuditEvent;
import org.casebridge.exports.domain.ExportDataset;
import org.casebridge.exports.domain.ExportFormat;
import org.casebridge.exports.domain.RecordFilter;
import org.casebridge.exports.persistence.ExportQueries;
import org.casebridge.exports.persistence.TableQuery;
import org.casebridge.support.agency.AgencyConfiguration;
import org.casebridge.support.problem.ProblemException;
import reactor.core.publisher.Flux;

/** Direct (streamed) downloads of datasets. */
@Singleton
public class ExportService {

    static final String AUDIT_OBJECT = "EXPORT";

    private final DataSource dataSource;
    private final AgencyConfiguration agency;
    private final AuditTrail audit;
    private final Semaphore downloads;

    public ExportService(DataSource dataSource, AgencyConfiguration agency, AuditTrail audit, ExportSettings settings) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.agency = agency;
        this.audit = audit;
        this.downloads = new Semaphore(settings.getMaxConcurrentDownloads());
    }

    /**
     * The dataset's rows as chunks of the format, streamed from a database cursor. The export is audited before the
     * first byte leaves.
     */
    public Flux<byte[]> download(ExportDataset dataset, ExportFormat format, RecordFilter filter) {
        TableQuery query = ExportQueries.of(dataset, filter, agency.getCode());
        if (!downloads.tryAcquire()) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "EXPORTS_BUSY",
                    "too many downloads are running; try again shortly or start an export job");
        }
        try {
            audit.recordSeparately(AuditEvent.success(AuditAction.STATISTICS_EXPORTED, AUDIT_OBJECT, null)
                    .withDetail(describe(dataset.path(), format, filter)));
        } catch (RuntimeException e) {
            downloads.release();
            throw e;
        }
        return ChunkedTableStream.of(dataSource, query, format, downloads);
    }

    /** A short audit detail: what, which format, which filters (codes only, never free text). */
    static String describe(String what, ExportFormat format, RecordFilter filter) {
        String text = what + " as " + format.extension() + " " + filter.filters() + " from " + filter.window().from()
                + " to " + filter.window().to() + " " + filter.window().zone();
        return text.length() > AuditEvent.MAX_DETAIL_LENGTH ? text.substring(0, AuditEvent.MAX_DETAIL_LENGTH) : text;
    }
}
