package org.casebridge.exports.app;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.casebridge.exports.domain.Column;
import org.casebridge.exports.domain.SpreadsheetSafety;

/**
 * RFC 4180 CSV in UTF-8: a header row, comma separators, CRLF after every record, fields quoted when they hold a
 * comma, quote or line break. Text cells a spreadsheet would run as formulas are neutralised
 * ({@link SpreadsheetSafety}); numbers are written as numbers.
 */
final class CsvTableWriter implements TableWriter {

    /** Joins the values of a list cell. */
    static final String LIST_SEPARATOR = ";";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final List<Column> columns;
    private final BufferedWriter writer;
    private final CSVPrinter printer;

    CsvTableWriter(List<Column> columns, OutputStream out) throws IOException {
        this.columns = List.copyOf(columns);
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.printer = new CSVPrinter(writer, FORMAT);
        for (Column column : this.columns) {
            printer.print(column.name());
        }
        printer.println();
    }

    @Override
    public void row(Object... values) throws IOException {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            printer.print(cell(columns.get(i), values[i]));
        }
        printer.println();
    }

    private static Object cell(Column column, Object value) {
        if (value == null) {
            return null;
        }
        return switch (column.type()) {
            case NUMBER, BOOLEAN -> value;
            case TIMESTAMP -> value instanceof Instant instant ? instant.toString() : SpreadsheetSafety.neutralise(value.toString());
            case LIST -> SpreadsheetSafety.neutralise(joined(value));
            case TEXT -> SpreadsheetSafety.neutralise(value.toString());
        };
    }

    private static String joined(Object value) {
        if (value instanceof Object[] array) {
            return String.join(LIST_SEPARATOR, java.util.Arrays.stream(array).map(String::valueOf).toList());
        }
        if (value instanceof Collection<?> collection) {
            return String.join(LIST_SEPARATOR, collection.stream().map(String::valueOf).toList());
        }
        return value.toString();
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.flush();
    }
}
