package org.casebridge.statistics.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.casebridge.security.domain.RoleNames;
import org.casebridge.exports.app.FilterParser;
import org.casebridge.exports.app.TableWriter;
import org.casebridge.exports.domain.ExportFormat;
import org.casebridge.exports.domain.FilterName;
import org.casebridge.exports.domain.RecordFilter;
import org.casebridge.exports.web.ExportController;
import org.casebridge.exports.web.QueryParameters;
import org.casebridge.statistics.app.StatisticsService;
import org.casebridge.statistics.domain.Dimension;
import org.casebridge.statistics.domain.PeriodUnit;
import org.casebridge.statistics.domain.Statistic;
import org.casebridge.statistics.domain.StatisticTable;
import org.casebridge.support.problem.ProblemDetail;
import org.casebridge.support.problem.ProblemException;

/**
 * Statistics for analysts: JSON for the console, CSV or JSON Lines to take away. Small counts are suppressed in all
 * of them (see docs/statistics.md).
 */
@Controller("/api/v1/statistics")
@Secured({RoleNames.ANALYST, RoleNames.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class StatisticsController {

    static final String BY = "by";
    static final String PERIOD = "period";
    static final String FORMAT = "format";

    private final StatisticsService statistics;

    public StatisticsController(StatisticsService statistics) {
        this.statistics = statistics;
    }

    /** What each statistic offers. */
    @Serdeable
    public record StatisticInfo(String name, List<String> dimensions, List<String> alwaysBy, List<String> filters,
                                List<String> periods) {
    }

    @Get
    public List<StatisticInfo> list() {
        return Arrays.stream(Statistic.values()).map(statistic -> new StatisticInfo(statistic.path(),
                statistic.dimensions().stream().sorted().map(Dimension::column).toList(),
                statistic.fixedDimensions().stream().map(Dimension::column).toList(),
                statistic.filters().stream().sorted().map(FilterName::parameter).toList(),
                Arrays.stream(PeriodUnit.values()).map(unit -> unit.name().toLowerCase(Locale.ROOT)).toList()))
                .toList();
    }

    @Get("/{name}")
    public HttpResponse<?> statistic(@PathVariable String name, @Nullable @QueryValue String by,
                                     @Nullable @QueryValue String period, @Nullable @QueryValue String format,
                                     HttpRequest<?> request) {
        Statistic statistic = Statistic.byPath(name).orElseThrow(() -> ProblemException.notFound("statistic " + name));
        List<ProblemDetail.FieldError> errors = new ArrayList<>();
        List<Dimension> dimensions = dimensions(statistic, by, errors);
        PeriodUnit unit = unit(period, errors);
        if (!errors.isEmpty()) {
            throw FilterParser.invalid(errors);
        }
        ExportFormat file = format == null || format.isBlank() || format.equalsIgnoreCase("json") ? null
                : ExportController.format(format);
        RecordFilter filter = FilterParser.parse(QueryParameters.of(request, Set.of(BY, PERIOD, FORMAT)),
                statistic.filters(), statistic == Statistic.CASES ? FilterParser.StatusKind.CASE
                        : statistic.filters().contains(FilterName.TYPE) ? FilterParser.StatusKind.REQUEST
                        : FilterParser.StatusKind.ANY);
        StatisticTable table;
        try {
            table = statistics.publish(statistic, dimensions, unit, filter, file == null ? "json" : file.extension());
        } catch (IllegalArgumentException e) {
            throw FilterParser.invalid(List.of(new ProblemDetail.FieldError("to", e.getMessage())));
        }
        if (file == null) {
            return HttpResponse.ok(StatisticView.of(table, unit, filter, statistics.suppression().threshold()))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return HttpResponse.ok(write(table, file)).contentType(file.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + statistic.path() + "."
                        + file.extension() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** A statistic has at most a few thousand rows: it is written whole. */
    private static byte[] write(StatisticTable table, ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = TableWriter.open(format, table.columns(), out)) {
            for (Object[] row : table.rows()) {
                writer.row(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static List<Dimension> dimensions(Statistic statistic, String by, List<ProblemDetail.FieldError> errors) {
        Set<Dimension> chosen = new LinkedHashSet<>();
        if (by == null || by.isBlank()) {
            return List.of();
        }
        for (String name : by.split(",")) {
            Dimension dimension = Dimension.parse(name).filter(statistic.dimensions()::contains).orElse(null);
            if (dimension == null) {
                errors.add(new ProblemDetail.FieldError(BY, "'" + name.strip() + "' is not a dimension of "
                        + statistic.path() + "; use " + statistic.dimensions().stream().sorted()
                        .map(Dimension::column).toList()));
            } else if (!chosen.add(dimension)) {
                errors.add(new ProblemDetail.FieldError(BY, "'" + name.strip() + "' is named twice"));
            }
        }
        if (chosen.size() > Statistic.MAX_DIMENSIONS) {
            errors.add(new ProblemDetail.FieldError(BY, "at most " + Statistic.MAX_DIMENSIONS + " dimensions"));
        }
        return List.copyOf(chosen);
    }

    private static PeriodUnit unit(String period, List<ProblemDetail.FieldError> errors) {
        if (period == null || period.isBlank()) {
            return PeriodUnit.MONTH;
        }
        try {
            return PeriodUnit.valueOf(period.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new ProblemDetail.FieldError(PERIOD, "must be day, week, month or year"));
            return PeriodUnit.MONTH;
        }
    }
}
