package org.casebridge.exports.app;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.casebridge.exports.domain.Column;

/** JSON Lines: one object per row with the columns as keys, UTF-8, each line ended by LF. */
final class JsonLinesTableWriter implements TableWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final List<Column> columns;
    private final JsonGenerator generator;

    JsonLinesTableWriter(List<Column> columns, OutputStream out) throws IOException {
        this.columns = List.copyOf(columns);
        this.generator = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        // Rows are separated by the LF each row writes itself, not by Jackson's default space.
        this.generator.setRootValueSeparator(null);
    }

    @Override
    public void row(Object... values) throws IOException {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
        }
        generator.writeStartObject();
        for (int i = 0; i < values.length; i++) {
            Column column = columns.get(i);
            generator.writeFieldName(column.name());
            write(column, values[i]);
        }
        generator.writeEndObject();
        generator.writeRaw('\n');
    }

    private void write(Column column, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
            return;
        }
        switch (column.type()) {
            case NUMBER -> writeNumber((Number) value);
            case BOOLEAN -> generator.writeBoolean((Boolean) value);
            case LIST -> {
                generator.writeStartArray();
                if (value instanceof Object[] array) {
                    for (Object element : array) {
                        generator.writeString(String.valueOf(element));
                    }
                } else {
                    for (Object element : (Collection<?>) value) {
                        generator.writeString(String.valueOf(element));
                    }
                }
                generator.writeEndArray();
            }
            case TIMESTAMP -> generator.writeString(value instanceof Instant instant ? instant.toString() : value.toString());
            case TEXT -> generator.writeString(value.toString());
        }
    }

    private void writeNumber(Number number) throws IOException {
        if (number instanceof BigDecimal decimal) {
            generator.writeNumber(decimal);
        } else if (number instanceof BigInteger integer) {
            generator.writeNumber(integer);
        } else if (number instanceof Double || number instanceof Float) {
            generator.writeNumber(number.doubleValue());
        } else {
            generator.writeNumber(number.longValue());
        }
    }

    @Override
    public void flush() throws IOException {
        generator.flush();
    }

    @Override
    public void close() throws IOException {
        generator.flush();
    }
}
