package org.casebridge.exports.app;

import io.micronaut.http.HttpStatus;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.casebridge.cases.domain.CaseStatus;
import org.casebridge.directory.HandlingMarking;
import org.casebridge.exports.domain.FilterName;
import org.casebridge.exports.domain.RecordFilter;
import org.casebridge.exports.domain.TimeWindow;
import org.casebridge.requests.domain.RequestStatus;
import org.casebridge.requests.domain.RequestType;
import org.casebridge.requests.domain.Urgency;
import org.casebridge.support.problem.ProblemDetail;
import org.casebridge.support.problem.ProblemException;

/**
 * Reads the filters of an export or statistic from query parameters (or a job's stored filters) and names every
 * value that is wrong, all at once, as a 400 problem.
 */
public final class FilterParser {

    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String ZONE = "zone";

    private static final Set<String> KNOWN = known();
    private static final Pattern AGENCY_CODE = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)+");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,64}");
    private static final Pattern STATUS = Pattern.compile("[A-Z_]{1,32}");

    /** The statuses a filter accepts, by the record kind it is for. */
    public enum StatusKind {
        CASE(names(CaseStatus.values())),
        REQUEST(names(RequestStatus.values())),
        ANY(Set.of());

        private final Set<String> names;

        StatusKind(Set<String> names) {
            this.names = names;
        }
    }

    private FilterParser() {
    }

    private static Set<String> known() {
        Set<String> names = new java.util.HashSet<>(Set.of(FROM, TO, ZONE));
        for (FilterName name : FilterName.values()) {
            names.add(name.parameter());
        }
        return Set.copyOf(names);
    }

    /**
     * The filter the parameters describe.
     *
     * @param parameters query parameters by name (blank values are ignored), without the caller's own parameters
     *                   (such as {@code format}); unknown names and filters not in {@code allowed} are refused
     * @param allowed    the filters this export or statistic takes
     * @param statusKind which statuses are valid
     */
    public static RecordFilter parse(Map<String, String> parameters, Set<FilterName> allowed, StatusKind statusKind) {
        List<ProblemDetail.FieldError> errors = new ArrayList<>();
        for (String parameter : parameters.keySet()) {
            if (!KNOWN.contains(parameter)) {
                errors.add(new ProblemDetail.FieldError(parameter, "is not a parameter of this export or statistic"));
            }
        }
        LocalDate from = date(parameters.get(FROM), FROM, errors);
        LocalDate to = date(parameters.get(TO), TO, errors);
        ZoneId zone = ZoneOffset.UTC;
        String zoneText = blankToNull(parameters.get(ZONE));
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                errors.add(new ProblemDetail.FieldError(ZONE, "must be an IANA time zone such as Europe/Berlin or UTC"));
            }
        }
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new ProblemDetail.FieldError(TO, "must be after from"));
        }
        Map<FilterName, String> filters = new EnumMap<>(FilterName.class);
        for (FilterName name : FilterName.values()) {
            String value = blankToNull(parameters.get(name.parameter()));
            if (value == null) {
                continue;
            }
            if (!allowed.contains(name)) {
                errors.add(new ProblemDetail.FieldError(name.parameter(), "is not a filter of this export or statistic"));
                continue;
            }
            String error = check(name, value, statusKind);
            if (error != null) {
                errors.add(new ProblemDetail.FieldError(name.parameter(), error));
            } else {
                filters.put(name, normalise(name, value));
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new RecordFilter(new TimeWindow(from, to, zone), filters);
    }

    /** A 400 problem naming each bad parameter. */
    public static ProblemException invalid(List<ProblemDetail.FieldError> errors) {
        StringBuilder detail = new StringBuilder();
        for (ProblemDetail.FieldError error : errors) {
            detail.append(detail.isEmpty() ? "" : "; ").append(error.field()).append(": ").append(error.message());
        }
        return new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", detail.toString(), errors);
    }

    private static String check(FilterName name, String value, StatusKind statusKind) {
        return switch (name) {
            case STATUS -> STATUS.matcher(value).matches()
                    && (statusKind.names.isEmpty() || statusKind.names.contains(value))
                    ? null : "must be one of " + (statusKind.names.isEmpty() ? "the statuses" : statusKind.names);
            case CATEGORY, INSTRUMENT -> CODE.matcher(value).matches() ? null
                    : "must be a code of capital letters, digits and underscores";
            case PARTNER -> AGENCY_CODE.matcher(value).matches() ? null : "must be an agency code such as DE-BKA";
            case MARKING -> HandlingMarking.parse(value).isPresent() ? null
                    : "must be a TLP 2.0 marking: CLEAR, GREEN, AMBER, AMBER+STRICT or RED";
            case DIRECTION -> value.equals("INBOUND") || value.equals("OUTBOUND") ? null
                    : "must be INBOUND or OUTBOUND";
            case TYPE -> names(RequestType.values()).contains(value) ? null
                    : "must be one of " + names(RequestType.values());
            case URGENCY -> names(Urgency.values()).contains(value) ? null
                    : "must be one of " + names(Urgency.values());
        };
    }

    private static String normalise(FilterName name, String value) {
        return name == FilterName.MARKING ? HandlingMarking.parse(value).orElseThrow().name() : value;
    }

    private static LocalDate date(String text, String field, List<ProblemDetail.FieldError> errors) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new ProblemDetail.FieldError(field, "must be a date such as 2026-03-01"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Set<String> names(Enum<?>[] values) {
        return new java.util.TreeSet<>(Arrays.stream(values).map(Enum::name).toList());
    }
}
