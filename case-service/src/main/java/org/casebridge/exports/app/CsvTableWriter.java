package org.casebridge.exports.app;

import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
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
    private final CSVPrinter printer;

    CsvTableWriter(List<Column> columns, OutputStream out) throws IOException {
        this.columns = List.copyOf(columns);
        this.printer = new CSVPrinter(new Utf8Buffer(out), FORMAT);
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

    /**
     * Collects text and writes it to the stream as UTF-8 in large pieces. A BufferedWriter would do the same but takes
     * a lock on every one of the many small appends a CSV printer makes; a writer is used by one thread at a time.
     */
    private static final class Utf8Buffer implements Appendable, Flushable {

        private static final int LIMIT = 1 << 15;

        private final OutputStream out;
        private final StringBuilder text = new StringBuilder(LIMIT + 4096);

        Utf8Buffer(OutputStream out) {
            this.out = out;
        }

        @Override
        public Appendable append(CharSequence csq) throws IOException {
            text.append(csq);
            return spill();
        }

        @Override
        public Appendable append(CharSequence csq, int start, int end) throws IOException {
            text.append(csq, start, end);
            return spill();
        }

        @Override
        public Appendable append(char c) throws IOException {
            text.append(c);
            return spill();
        }

        private Appendable spill() throws IOException {
            if (text.length() >= LIMIT) {
                // A high surrogate waits for its low half, so a character is never split.
                int end = Character.isHighSurrogate(text.charAt(text.length() - 1)) ? text.length() - 1
                        : text.length();
                write(end);
            }
            return this;
        }

        private void write(int end) throws IOException {
            out.write(text.substring(0, end).getBytes(StandardCharsets.UTF_8));
            text.delete(0, end);
        }

        @Override
        public void flush() throws IOException {
            if (!text.isEmpty()) {
                write(text.length());
            }
            out.flush();
        }
    }
}
