package org.casebridge.exports.app;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.casebridge.exports.domain.Column;
import org.casebridge.exports.domain.ExportFormat;

/**
 * Writes rows of a table to a stream as they come, one format each. Nothing is held beyond the writer's own small
 * buffer, so an export of any size runs in flat memory.
 *
 * <p>Values per column type: {@code TEXT} a String, {@code NUMBER} a Number, {@code TIMESTAMP} an Instant or an ISO
 * 8601 String in UTC, {@code LIST} a String array or a Collection, {@code BOOLEAN} a Boolean; null for none.
 */
public interface TableWriter extends AutoCloseable {

    /** Writes one row; the values follow the columns' order. */
    void row(Object... values) throws IOException;

    /** Pushes what is buffered to the stream (not closing it). */
    void flush() throws IOException;

    /** Flushes; the underlying stream stays open, it belongs to the caller. */
    @Override
    void close() throws IOException;

    /** A writer of the format that has already written the header (CSV) to the stream. */
    static TableWriter open(ExportFormat format, List<Column> columns, OutputStream out) throws IOException {
        return switch (format) {
            case CSV -> new CsvTableWriter(columns, out);
            case JSONL -> new JsonLinesTableWriter(columns, out);
        };
    }
}
