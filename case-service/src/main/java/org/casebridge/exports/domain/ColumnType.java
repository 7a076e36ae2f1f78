package org.casebridge.exports.domain;

/** How a column of an export is written. */
public enum ColumnType {
    /** Text; neutralised in CSV where a spreadsheet could run it. */
    TEXT,
    /** A whole number or decimal, written as a JSON number and unquoted in CSV. */
    NUMBER,
    /** An instant in UTC, ISO 8601 with a {@code Z}. */
    TIMESTAMP,
    /** A list of codes: a JSON array; in CSV one cell with the values separated by {@code ;}. */
    LIST,
    /** true or false. */
    BOOLEAN
}
