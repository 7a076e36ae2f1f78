package org.casebridge.statistics.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the rows of a statistic can be grouped by. The name in {@code by=} and in the result is {@link #column()}. */
public enum Dimension {
    /** The calendar period (see {@link PeriodUnit}) of the statistic's anchor time, in the requested zone. */
    PERIOD("period"),
    CATEGORY("category"),
    /** The other agency: a case's lead or the partners it is shared with; a request's other side; a participant. */
    PARTNER("partner"),
    /** The partner's jurisdiction from the partner directory (ISO 3166). */
    JURISDICTION("jurisdiction"),
    INSTRUMENT("instrument"),
    TYPE("request_type"),
    DIRECTION("direction"),
    STATUS("status"),
    URGENCY("urgency"),
    MARKING("marking"),
    PRIORITY("priority"),
    GROUND("refusal_ground"),
    CURRENCY("currency"),
    KIND("asset_kind");

    private final String column;

    Dimension(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    /** The dimension named by its column name (any case). */
    public static Optional<Dimension> parse(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(dimension -> dimension.column.equals(lower)).findFirst();
    }
}
