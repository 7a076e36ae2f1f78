package org.casebridge.exports.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * What can be exported row by row, with the filters each accepts (those of its list, less free-text search: a
 * search over titles and summaries would let an analyst learn what the texts say).
 */
public enum ExportDataset {
    CASES("cases", Set.of(FilterName.STATUS, FilterName.CATEGORY, FilterName.PARTNER, FilterName.MARKING,
            FilterName.DIRECTION)),
    EVIDENCE_REQUESTS("evidence-requests", Set.of(FilterName.STATUS, FilterName.PARTNER, FilterName.DIRECTION,
            FilterName.INSTRUMENT, FilterName.TYPE, FilterName.URGENCY, FilterName.CATEGORY)),
    JOINT_ACTIONS("joint-actions", Set.of(FilterName.STATUS, FilterName.PARTNER));

    private final String path;
    private final Set<FilterName> filters;

    ExportDataset(String path, Set<FilterName> filters) {
        this.path = path;
        this.filters = filters;
    }

    /** The dataset's name in URLs and file names. */
    public String path() {
        return path;
    }

    /** The filters this dataset accepts, besides the time window. */
    public Set<FilterName> filters() {
        return filters;
    }

    public static Optional<ExportDataset> byPath(String path) {
        return Arrays.stream(values()).filter(dataset -> dataset.path.equals(path)).findFirst();
    }
}
