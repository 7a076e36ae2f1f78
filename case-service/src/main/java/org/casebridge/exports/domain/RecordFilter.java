package org.casebridge.exports.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which records an export or a statistic covers: a time window (on when a record was opened or created) and
 * equality filters, each already checked to be a well-formed value.
 *
 * @param window  the time window and zone
 * @param filters filter values by name
 */
public record RecordFilter(TimeWindow window, Map<FilterName, String> filters) {

    public RecordFilter {
        Objects.requireNonNull(window, "window");
        filters = filters.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(filters));
    }

    /** Everything, periods in UTC. */
    public static RecordFilter everything() {
        return new RecordFilter(TimeWindow.unbounded(), Map.of());
    }

    public Optional<String> get(FilterName name) {
        return Optional.ofNullable(filters.get(name));
    }
}
