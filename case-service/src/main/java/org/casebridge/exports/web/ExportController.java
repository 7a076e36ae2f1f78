package org.casebridge.exports.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.casebridge.security.domain.RoleNames;
import org.casebridge.exports.app.ExportService;
import org.casebridge.exports.app.FilterParser;
import org.casebridge.exports.domain.ExportDataset;
import org.casebridge.exports.domain.ExportFormat;
import org.casebridge.exports.domain.RecordFilter;
import org.casebridge.support.problem.ProblemDetail;
import org.casebridge.support.problem.ProblemException;
import org.reactivestreams.Publisher;

/**
 * Streamed downloads of cases, evidence requests and joint actions for analysts: no personal data and no free text,
 * whatever the size (see docs/statistics.md).
 */
@Controller("/api/v1/exports")
@Secured({RoleNames.ANALYST, RoleNames.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class ExportController {

    static final String FORMAT = "format";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final ExportService exports;
    private final Clock clock;

    public ExportController(ExportService exports, Clock clock) {
        this.exports = exports;
        this.clock = clock;
    }

    @Get("/{dataset}")
    public HttpResponse<Publisher<byte[]>> download(@PathVariable String dataset, @Nullable @QueryValue String format,
                                                    HttpRequest<?> request) {
        ExportDataset what = dataset(dataset);
        ExportFormat as = format(format);
        RecordFilter filter = FilterParser.parse(QueryParameters.of(request, Set.of(FORMAT)), what.filters(),
                statusKind(what));
        return HttpResponse.<Publisher<byte[]>>ok(exports.download(what, as, filter))
                .contentType(as.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(what.path(), as) + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    String fileName(String what, ExportFormat format) {
        return what + "-" + FILE_TIME.format(clock.instant()) + "." + format.extension();
    }

    static ExportDataset dataset(String path) {
        return ExportDataset.byPath(path).orElseThrow(() -> ProblemException.notFound("export " + path));
    }

    static FilterParser.StatusKind statusKind(ExportDataset dataset) {
        return switch (dataset) {
            case CASES -> FilterParser.StatusKind.CASE;
            case EVIDENCE_REQUESTS -> FilterParser.StatusKind.REQUEST;
            case JOINT_ACTIONS -> FilterParser.StatusKind.ANY;
        };
    }

    /** The format named in the request; CSV when none is. */
    public static ExportFormat format(String name) {
        if (name == null || name.isBlank()) {
            return ExportFormat.CSV;
        }
        return ExportFormat.parse(name).orElseThrow(() -> FilterParser.invalid(List.of(
                new ProblemDetail.FieldError(FORMAT, "must be csv or jsonl"))));
    }
}
