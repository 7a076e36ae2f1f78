package org.casebridge.exports.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A column of an export or statistic: its name in the header (and the JSON key) and how it is written.
 *
 * @param name lower snake case, the same in CSV and JSON Lines
 * @param type how values are written
 */
public record Column(String name, ColumnType type) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public Column {
        Objects.requireNonNull(type, "type");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("column name must be lower snake case: " + name);
        }
    }

    public static Column text(String name) {
        return new Column(name, ColumnType.TEXT);
    }

    public static Column number(String name) {
        return new Column(name, ColumnType.NUMBER);
    }

    public static Column timestamp(String name) {
        return new Column(name, ColumnType.TIMESTAMP);
    }

    public static Column list(String name) {
        return new Column(name, ColumnType.LIST);
    }

    public static Column bool(String name) {
        return new Column(name, ColumnType.BOOLEAN);
    }
}
