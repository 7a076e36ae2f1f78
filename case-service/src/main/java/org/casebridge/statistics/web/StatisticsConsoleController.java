package org.casebridge.statistics.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.casebridge.console.web.ConsoleForms;
import org.casebridge.console.web.ConsoleModel;
import org.casebridge.exports.app.ExportJobService;
import org.casebridge.exports.app.FilterParser;
import org.casebridge.exports.domain.ExportDataset;
import org.casebridge.exports.domain.ExportFormat;
import org.casebridge.exports.domain.ExportJob;
import org.casebridge.exports.domain.RecordFilter;
import org.casebridge.security.domain.RoleNames;
import org.casebridge.statistics.app.StatisticsService;
import org.casebridge.statistics.domain.Dimension;
import org.casebridge.statistics.domain.PeriodUnit;
import org.casebridge.statistics.domain.Statistic;
import org.casebridge.statistics.domain.StatisticTable;
import org.casebridge.support.problem.ProblemException;

/**
 * The console's statistics page for analysts: charts rendered on the server as SVG, the figures behind each chart
 * in a table, downloads of each statistic, and export jobs with their progress.
 */
@Controller("/statistics")
@Produces(MediaType.TEXT_HTML)
@Secured({RoleNames.ANALYST, RoleNames.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class StatisticsConsoleController {

    static final String VIEW = "statistics/page";

    private final StatisticsService statistics;
    private final ExportJobService jobs;
    private final ConsoleModel console;
    private final Clock clock;

    public StatisticsConsoleController(StatisticsService statistics, ExportJobService jobs, ConsoleModel console,
                                       Clock clock) {
        this.statistics = statistics;
        this.jobs = jobs;
        this.console = console;
        this.clock = clock;
    }

    /** A chart or table of the page: its figures, its picture, and where to download it. */
    public record Panel(String id, String svg, List<String> columns, List<List<String>> rows, String csv,
                        String jsonl, boolean anySuppressed) {
    }

    /** An export job as the page lists it. */
    public record JobRow(String id, String dataset, String format, String status, boolean active, Double percent,
                         long rowsWritten, Long totalRows, Long secondsLeft, String download, java.time.Instant expiresAt,
                         String error) {
    }

    @Get
    public HttpResponse<?> page(HttpRequest<?> request, @Nullable @QueryValue String from,
                                @Nullable @QueryValue String to, @Nullable @QueryValue String zone,
                                @Nullable @QueryValue String period, Authentication user) {
        Map<String, Object> model = ConsoleForms.model("section", "statistics");
        String zoneId = blank(zone) ? console.zone(request).getId() : zone.strip();
        LocalDate today = LocalDate.now(clock.withZone(console.zone(request)));
        String toText = blank(to) ? today.withDayOfMonth(1).plusMonths(1).toString() : to.strip();
        String fromText = blank(from) ? today.withDayOfMonth(1).minusMonths(11).toString() : from.strip();
        PeriodUnit unit = unit(period);
        Map<String, String> window = new LinkedHashMap<>();
        window.put(FilterParser.FROM, fromText);
        window.put(FilterParser.TO, toText);
        window.put(FilterParser.ZONE, zoneId);
        model.put("filter", Map.of("from", fromText, "to", toText, "zone", zoneId, "period", unit.name()));
        model.put("periods", List.of(PeriodUnit.values()));
        model.put("datasets", List.of(ExportDataset.values()));
        model.put("formats", List.of(ExportFormat.values()));
        List<JobRow> jobRows = jobRows(user);
        model.put("jobs", jobRows);
        model.put("anyActive", jobRows.stream().anyMatch(JobRow::active));
        model.put("threshold", statistics.suppression().threshold());
        RecordFilter filter;
        try {
            filter = FilterParser.parse(window, Set.of(), FilterParser.StatusKind.ANY);
            model.put("panels", panels(filter, unit, window));
        } catch (ProblemException problem) {
            model.put("panels", Map.of());
            return ConsoleForms.refused(VIEW, model, problem);
        } catch (IllegalArgumentException tooMany) {
            model.put("panels", Map.of());
            return ConsoleForms.refused(VIEW, model, FilterParser.invalid(List.of(
                    new org.casebridge.support.problem.ProblemDetail.FieldError("to", tooMany.getMessage()))));
        }
        return HttpResponse.ok(new ModelAndView<>(VIEW, model));
    }

    /** The export jobs list alone, which the page polls while a job runs. */
    @Get("/export-jobs")
    @View("statistics/jobs")
    public Map<String, Object> jobList(Authentication user) {
        List<JobRow> jobRows = jobRows(user);
        return ConsoleForms.model("jobs", jobRows, "anyActive", jobRows.stream().anyMatch(JobRow::active));
    }

    @Post("/export-jobs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> startJob(@Body Map<String, String> form, Authentication user) {
        ExportDataset dataset = ExportDataset.byPath(form.getOrDefault("dataset", "")).orElse(ExportDataset.CASES);
        ExportFormat format = ExportFormat.parse(form.get("format")).orElse(ExportFormat.CSV);
        Map<String, String> window = new LinkedHashMap<>();
        for (String key : List.of(FilterParser.FROM, FilterParser.TO, FilterParser.ZONE)) {
            String value = form.get(key);
            if (value != null && !value.isBlank()) {
                window.put(key, value.strip());
            }
        }
        RecordFilter filter;
        try {
            filter = FilterParser.parse(window, dataset.filters(), FilterParser.StatusKind.ANY);
        } catch (ProblemException problem) {
            return ConsoleForms.errorPage(problem);
        }
        ExportJob job = jobs.create(dataset, format, window, filter, user.getName());
        jobs.submit(job.id(), filter);
        return ConsoleForms.seeOther("/statistics?" + query(window) + "#exports");
    }

    @Post("/export-jobs/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> cancelJob(@PathVariable UUID id, Authentication user) {
        try {
            jobs.cancel(id, user.getName(), user.getRoles().contains(RoleNames.ADMIN));
        } catch (ProblemException problem) {
            return ConsoleForms.errorPage(problem);
        }
        return ConsoleForms.seeOther("/statistics#exports");
    }

    private Map<String, Panel> panels(RecordFilter filter, PeriodUnit unit, Map<String, String> window) {
        Map<String, Panel> panels = new LinkedHashMap<>();
        String base = query(window) + "&period=" + unit.name().toLowerCase(Locale.ROOT);
        panels.put("casesPerPeriod", series("cases-per-period", Statistic.CASES, "cases", filter, unit, base));
        panels.put("requestsPerPeriod", series("requests-per-period", Statistic.REQUESTS, "requests", filter, unit,
                base));
        panels.put("casesByCategory", bars("cases-by-category", Statistic.CASES, Dimension.CATEGORY, "cases", filter,
                unit, base));
        panels.put("requestsByPartner", bars("requests-by-partner", Statistic.REQUESTS, Dimension.PARTNER, "requests",
                filter, unit, base));
        StatisticTable deadlines = statistics.publish(Statistic.REQUEST_DEADLINES, List.of(Dimension.INSTRUMENT), unit,
                filter, "console");
        List<SvgCharts.Stack> stacks = new ArrayList<>();
        for (Object[] row : deadlines.rows()) {
            stacks.add(new SvgCharts.Stack(String.valueOf(row[0]), java.util.Arrays.asList(
                    (Number) row[deadlines.indexOf("on_time")], (Number) row[deadlines.indexOf("late")],
                    (Number) row[deadlines.indexOf("pending")])));
        }
        String chart = SvgCharts.stacked("Deadline compliance by instrument", "deadlines-title",
                List.of("on time", "late", "pending"), stacks);
        panels.put("deadlines", panel("deadlines", chart, deadlines, Statistic.REQUEST_DEADLINES,
                base + "&by=instrument"));
        panels.put("turnaround", table("turnaround", Statistic.REQUEST_TURNAROUND, List.of(Dimension.INSTRUMENT),
                filter, unit, base + "&by=instrument"));
        panels.put("refusals", table("refusals", Statistic.REFUSAL_GROUNDS, List.of(), filter, unit, base));
        panels.put("outcomes", table("outcomes", Statistic.JOINT_ACTION_OUTCOMES, List.of(), filter, unit, base));
        panels.put("seizures", table("seizures", Statistic.ASSET_SEIZURES, List.of(), filter, unit, base));
        return panels;
    }

    private Panel series(String id, Statistic statistic, String measure, RecordFilter filter, PeriodUnit unit,
                         String base) {
        StatisticTable table = statistics.publish(statistic, List.of(Dimension.PERIOD), unit, filter, "console");
        List<SvgCharts.Bar> bars = new ArrayList<>();
        for (Object[] row : table.rows()) {
            bars.add(new SvgCharts.Bar((String) row[0], (Number) row[table.indexOf(measure)]));
        }
        String chart = SvgCharts.series(statistic.path() + " per " + unit.name().toLowerCase(Locale.ROOT),
                id + "-title", bars);
        return panel(id, chart, table, statistic, base + "&by=period");
    }

    private Panel bars(String id, Statistic statistic, Dimension by, String measure, RecordFilter filter,
                       PeriodUnit unit, String base) {
        StatisticTable table = statistics.publish(statistic, List.of(by), unit, filter, "console");
        List<SvgCharts.Bar> bars = new ArrayList<>();
        for (Object[] row : table.rows()) {
            bars.add(new SvgCharts.Bar(String.valueOf(row[0]), (Number) row[table.indexOf(measure)]));
        }
        String chart = SvgCharts.bars(statistic.path() + " by " + by.column(), id + "-title", bars);
        return panel(id, chart, table, statistic, base + "&by=" + by.column());
    }

    private Panel table(String id, Statistic statistic, List<Dimension> by, RecordFilter filter, PeriodUnit unit,
                        String query) {
        return panel(id, null, statistics.publish(statistic, by, unit, filter, "console"), statistic, query);
    }

    private static Panel panel(String id, String svg, StatisticTable table, Statistic statistic, String query) {
        List<String> columns = table.columns().stream().map(column -> column.name()).toList();
        List<List<String>> rows = new ArrayList<>();
        boolean anySuppressed = false;
        int flag = table.indexOf(StatisticTable.SUPPRESSED);
        for (Object[] row : table.rows()) {
            List<String> cells = new ArrayList<>();
            for (Object value : row) {
                cells.add(value == null ? "–" : value.toString());
            }
            rows.add(cells);
            anySuppressed |= Boolean.TRUE.equals(row[flag]);
        }
        String download = "/api/v1/statistics/" + statistic.path() + "?" + query;
        return new Panel(id, svg, columns, rows, download + "&format=csv", download + "&format=jsonl", anySuppressed);
    }

    private List<JobRow> jobRows(Authentication user) {
        java.time.Instant now = clock.instant();
        return jobs.list(user.getName()).stream().limit(10).map(job -> {
            java.time.Duration left = job.estimatedTimeLeft(now);
            return new JobRow(job.id().toString(), job.dataset().path(), job.format().extension(),
                    job.status().name(), job.status().isActive(), job.percent(), job.rowsWritten(), job.totalRows(),
                    left == null ? null : (long) Math.ceil(left.toMillis() / 1000.0),
                    job.downloadable(now) ? "/api/v1/export-jobs/" + job.id() + "/file" : null,
                    job.downloadable(now) ? job.expiresAt() : null, job.error());
        }).toList();
    }

    private static String query(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    private static PeriodUnit unit(String period) {
        if (blank(period)) {
            return PeriodUnit.MONTH;
        }
        try {
            return PeriodUnit.valueOf(period.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return PeriodUnit.MONTH;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
