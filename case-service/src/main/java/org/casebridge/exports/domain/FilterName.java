package org.casebridge.exports.domain;

import java.util.Locale;

/** The filters of exports and statistics, named as in query strings. */
public enum FilterName {
    STATUS,
    CATEGORY,
    PARTNER,
    MARKING,
    DIRECTION,
    INSTRUMENT,
    TYPE,
    URGENCY;

    /** The query parameter name. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
