package org.casebridge.cases.domain;

import java.util.regex.Pattern;

/**
 * A case's reference number at its lead agency: agency code, year and a running number, e.g.
 * {@code DE-BKA-2026-000123}.
 */
public record CaseReference(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)+-\\d{4}-\\d{6,}");

    public CaseReference {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a case reference: " + value);
        }
    }

    public static CaseReference of(String agencyCode, int year, long number) {
        return new CaseReference(String.format("%s-%04d-%06d", agencyCode, year, number));
    }

    @Override
    public String toString() {
        return value;
    }
}
