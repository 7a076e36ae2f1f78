package org.casebridge.statistics.domain;

import static org.casebridge.statistics.domain.Dimension.CATEGORY;
import static org.casebridge.statistics.domain.Dimension.CURRENCY;
import static org.casebridge.statistics.domain.Dimension.DIRECTION;
import static org.casebridge.statistics.domain.Dimension.GROUND;
import static org.casebridge.statistics.domain.Dimension.INSTRUMENT;
import static org.casebridge.statistics.domain.Dimension.JURISDICTION;
import static org.casebridge.statistics.domain.Dimension.KIND;
import static org.casebridge.statistics.domain.Dimension.MARKING;
import static org.casebridge.statistics.domain.Dimension.PARTNER;
import static org.casebridge.statistics.domain.Dimension.PERIOD;
import static org.casebridge.statistics.domain.Dimension.PRIORITY;
import static org.casebridge.statistics.domain.Dimension.STATUS;
import static org.casebridge.statistics.domain.Dimension.TYPE;
import static org.casebridge.statistics.domain.Dimension.URGENCY;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.casebridge.exports.domain.FilterName;
import org.casebridge.statistics.domain.StatisticTable.MeasureGroup;

/**
 * The statistics a node computes. Each has an anchor time (what its time window and periods refer to), the
 * dimensions it can be grouped by, dimensions it is always grouped by, its filters, and its measures with what is
 * hidden together when a count is small. docs/statistics.md defines each one.
 */
public enum Statistic {
    CASES("cases", Set.of(PERIOD, CATEGORY, PARTNER, JURISDICTION, DIRECTION, STATUS, PRIORITY, MARKING), List.of(),
            Set.of(FilterName.STATUS, FilterName.CATEGORY, FilterName.PARTNER, FilterName.MARKING, FilterName.DIRECTION),
            List.of(MeasureGroup.of("cases"))),
    REQUESTS("requests", Set.of(PERIOD, CATEGORY, PARTNER, JURISDICTION, INSTRUMENT, TYPE, DIRECTION, STATUS, URGENCY),
            List.of(), RequestFilters.ALL,
            List.of(MeasureGroup.of("requests", "decided", "refused", "fulfilled", "refusal_rate", "fulfilment_rate"),
                    MeasureGroup.of("decided", "refusal_rate", "fulfilment_rate"),
                    MeasureGroup.of("refused", "refusal_rate", "fulfilment_rate"),
                    MeasureGroup.of("fulfilled", "fulfilment_rate"))),
    REQUEST_TURNAROUND("request-turnaround",
            Set.of(PERIOD, CATEGORY, PARTNER, JURISDICTION, INSTRUMENT, TYPE, DIRECTION, URGENCY), List.of(),
            RequestFilters.ALL,
            List.of(MeasureGroup.of("received", "receipt_median_hours", "receipt_p90_hours"),
                    MeasureGroup.of("decided", "decision_median_hours", "decision_p90_hours"),
                    MeasureGroup.of("fulfilled", "fulfilment_median_hours", "fulfilment_p90_hours"))),
    REQUEST_DEADLINES("request-deadlines",
            Set.of(PERIOD, CATEGORY, PARTNER, JURISDICTION, INSTRUMENT, TYPE, DIRECTION, URGENCY), List.of(),
            RequestFilters.ALL,
            List.of(MeasureGroup.of("on_time", "on_time_rate"), MeasureGroup.of("late", "on_time_rate"),
                    MeasureGroup.of("pending"))),
    REFUSAL_GROUNDS("refusal-grounds",
            Set.of(PERIOD, CATEGORY, PARTNER, JURISDICTION, INSTRUMENT, TYPE, DIRECTION), List.of(GROUND),
            RequestFilters.ALL, List.of(MeasureGroup.of("refusals"))),
    JOINT_ACTIONS("joint-actions", Set.of(PERIOD, STATUS, PARTNER, JURISDICTION), List.of(),
            Set.of(FilterName.STATUS, FilterName.PARTNER), List.of(MeasureGroup.of("actions"))),
    JOINT_ACTION_OUTCOMES("joint-action-outcomes", Set.of(PERIOD, STATUS, PARTNER, JURISDICTION), List.of(),
            Set.of(FilterName.STATUS, FilterName.PARTNER),
            List.of(MeasureGroup.of("reports", "arrests", "searches", "devices_seized", "servers_taken_down",
                            "domains_taken_down", "victims_identified"),
                    MeasureGroup.of("arrests"), MeasureGroup.of("searches"), MeasureGroup.of("devices_seized"),
                    MeasureGroup.of("servers_taken_down"), MeasureGroup.of("domains_taken_down"),
                    MeasureGroup.of("victims_identified"))),
    ASSET_SEIZURES("asset-seizures", Set.of(PERIOD, STATUS, PARTNER, JURISDICTION, KIND), List.of(CURRENCY),
            Set.of(FilterName.STATUS, FilterName.PARTNER), List.of(MeasureGroup.of("seizures", "amount")));

    /** Dimensions a statistic may be grouped by at once (besides those it always has). */
    public static final int MAX_DIMENSIONS = 3;

    private static final Set<FilterName> REQUEST_FILTERS = Set.of(FilterName.STATUS, FilterName.CATEGORY,
            FilterName.PARTNER, FilterName.DIRECTION, FilterName.INSTRUMENT, FilterName.TYPE, FilterName.URGENCY);

    private final String path;
    private final Set<Dimension> dimensions;
    private final List<Dimension> fixedDimensions;
    private final Set<FilterName> filters;
    private final List<MeasureGroup> measureGroups;

    Statistic(String path, Set<Dimension> dimensions, List<Dimension> fixedDimensions, Set<FilterName> filters,
              List<MeasureGroup> measureGroups) {
        this.path = path;
        this.dimensions = dimensions;
        this.fixedDimensions = fixedDimensions;
        this.filters = filters;
        this.measureGroups = measureGroups;
    }

    public String path() {
        return path;
    }

    /** The dimensions a caller may choose. */
    public Set<Dimension> dimensions() {
        return dimensions;
    }

    /** Dimensions every row has, after the chosen ones. */
    public List<Dimension> fixedDimensions() {
        return fixedDimensions;
    }

    public Set<FilterName> filters() {
        return filters;
    }

    /** Counts and what is hidden with each when it is small. */
    public List<MeasureGroup> measureGroups() {
        return measureGroups;
    }

    public static Optional<Statistic> byPath(String path) {
        return Arrays.stream(values()).filter(statistic -> statistic.path.equals(path)).findFirst();
    }

    /** Held apart so the enum constants can use it while they are built. */
    private static final class RequestFilters {
        static final Set<FilterName> ALL = Set.of(FilterName.STATUS, FilterName.CATEGORY, FilterName.PARTNER,
                FilterName.DIRECTION, FilterName.INSTRUMENT, FilterName.TYPE, FilterName.URGENCY);
    }
}
