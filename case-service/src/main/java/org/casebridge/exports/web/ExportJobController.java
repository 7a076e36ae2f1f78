package org.casebridge.exports.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebridge.security.domain.RoleNames;
import org.casebridge.exports.app.ExportJobService;
import org.casebridge.exports.app.FilterParser;
import org.casebridge.exports.domain.ExportDataset;
import org.casebridge.exports.domain.ExportFormat;
import org.casebridge.exports.domain.ExportJob;
import org.casebridge.exports.domain.RecordFilter;
import org.casebridge.support.problem.ProblemDetail;

/**
 * Background exports: start one, watch its progress, download its file while the link is valid, cancel it. A job
 * belongs to the user who started it; the download needs that user's authentication, the link holds no secret.
 */
@Controller(ExportJobController.PATH)
@Secured({RoleNames.ANALYST, RoleNames.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class ExportJobController {

    static final String PATH = "/api/v1/export-jobs";

    private final ExportJobService jobs;
    private final Clock clock;

    public ExportJobController(ExportJobService jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * A request for an export job.
     *
     * @param dataset {@code cases}, {@code evidence-requests} or {@code joint-actions}
     * @param format  {@code csv} (default) or {@code jsonl}
     * @param filters the same filters as the direct export's query parameters
     */
    @Serdeable
    public record NewExportJob(@NotBlank @Size(max = 32) String dataset, @Nullable @Size(max = 8) String format,
                               @Nullable @Size(max = 16) Map<String, @Size(max = 64) String> filters) {
    }

    @Post
    public HttpResponse<ExportJobView> start(@Body @Valid NewExportJob body, Authentication user) {
        ExportDataset dataset = ExportDataset.byPath(body.dataset()).orElseThrow(() -> FilterParser.invalid(List.of(
                new ProblemDetail.FieldError("dataset", "must be cases, evidence-requests or joint-actions"))));
        ExportFormat format = ExportController.format(body.format());
        Map<String, String> filters = body.filters() == null ? Map.of() : body.filters();
        RecordFilter parsed = FilterParser.parse(filters, dataset.filters(), ExportController.statusKind(dataset));
        ExportJob job = jobs.create(dataset, format, filters, parsed, user.getName());
        jobs.submit(job.id(), parsed);
        return HttpResponse.accepted().<ExportJobView>body(ExportJobView.of(job, clock.instant()))
                .headers(headers -> headers.location(URI.create(PATH + "/" + job.id())));
    }

    @Get
    public List<ExportJobView> list(Authentication user) {
        return jobs.list(user.getName()).stream().map(job -> ExportJobView.of(job, clock.instant())).toList();
    }

    @Get("/{id}")
    public ExportJobView read(@PathVariable UUID id, Authentication user) {
        return ExportJobView.of(jobs.visible(id, user.getName(), isAdministrator(user)), clock.instant());
    }

    @Get("/{id}/file")
    public HttpResponse<SystemFile> file(@PathVariable UUID id, Authentication user) {
        ExportJob job = jobs.visible(id, user.getName(), isAdministrator(user));
        Path file = jobs.download(id, user.getName(), isAdministrator(user));
        return HttpResponse.ok(new SystemFile(file.toFile(), MediaType.of(job.format().mediaType()))
                        .attach(job.fileName()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Delete("/{id}")
    public ExportJobView cancel(@PathVariable UUID id, Authentication user) {
        return ExportJobView.of(jobs.cancel(id, user.getName(), isAdministrator(user)), clock.instant());
    }

    private static boolean isAdministrator(Authentication user) {
        return user.getRoles().contains("ADMIN");
    }
}
