package org.casebridge.schema.codec;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.casebridge.schema.MessageType;
import org.casebridge.schema.SchemaCatalogue;
import org.casebridge.schema.SchemaVersion;

/**
 * Avro single-object encoding (Avro specification, "Single-object encoding"): the two marker bytes {@code C3 01},
 * the 8-byte little-endian CRC-64-AVRO fingerprint of the writer schema, then the Avro binary body. Writers always
 * use the current schema; readers resolve any catalogued writer version to the current generated class.
 */
final class SingleObjectCodec {

    static final int HEADER_LENGTH = 10;
    static final byte MARKER_0 = (byte) 0xC3;
    static final byte MARKER_1 = (byte) 0x01;

    private final SchemaCatalogue catalogue;
    private final ContractSpecificData model;
    private final Map<Schema, DatumWriter<SpecificRecord>> writers = new ConcurrentHashMap<>();
    private final Map<Long, DatumReader<SpecificRecord>> readers = new ConcurrentHashMap<>();

    SingleObjectCodec(SchemaCatalogue catalogue) {
        this.catalogue = catalogue;
        this.model = new ContractSpecificData(catalogue);
    }

    SchemaCatalogue catalogue() {
        return catalogue;
    }

    /** Encodes a record with its current schema; the caller has checked that the type is catalogued. */
    byte[] encode(SpecificRecord record) {
        Schema schema = record.getSchema();
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(MARKER_0);
        out.write(MARKER_1);
        long fingerprint = SchemaCatalogue.fingerprint(schema);
        for (int i = 0; i < 8; i++) {
            out.write((int) (fingerprint >>> (8 * i)));
        }
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writers.computeIfAbsent(schema, s -> new SpecificDatumWriter<>(s, model))
                    .write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Reads the header of a single-object encoded record and finds its writer schema.
     *
     * @throws MessageRejectedException TRUNCATED, BAD_MAGIC or UNKNOWN_SCHEMA_FINGERPRINT
     */
    SchemaVersion writerVersion(byte[] bytes, int offset, int length, String what) {
        if (length < HEADER_LENGTH) {
            if (length >= 2 && (bytes[offset] != MARKER_0 || bytes[offset + 1] != MARKER_1)) {
                throw new MessageRejectedException(RejectionReason.BAD_MAGIC, what + " does not start with C3 01");
            }
            throw new MessageRejectedException(RejectionReason.TRUNCATED, what + " is shorter than the 10-byte single-object header");
        }
        if (bytes[offset] != MARKER_0 || bytes[offset + 1] != MARKER_1) {
            throw new MessageRejectedException(RejectionReason.BAD_MAGIC, what + " does not start with C3 01");
        }
        long fingerprint = fingerprint(bytes, offset + 2);
        return catalogue.version(fingerprint).orElseThrow(() -> new MessageRejectedException(
                RejectionReason.UNKNOWN_SCHEMA_FINGERPRINT,
                what + " names schema fingerprint " + Long.toHexString(fingerprint) + ", which this version does not know"));
    }

    /** The fingerprint in a header, without checking anything. */
    static long fingerprint(byte[] bytes, int offset) {
        long fingerprint = 0;
        for (int i = 7; i >= 0; i--) {
            fingerprint = fingerprint << 8 | (bytes[offset + i] & 0xff);
        }
        return fingerprint;
    }

    /**
     * Decodes the body after the header with the given writer version into its current class. The body must use
     * every byte up to {@code offset + length}.
     *
     * @throws BodyException with TRUNCATED or MALFORMED
     */
    SpecificRecord decodeBody(byte[] bytes, int offset, int length, SchemaVersion writer) throws BodyException {
        DatumReader<SpecificRecord> reader = readers.computeIfAbsent(writer.fingerprint(), f -> {
            MessageType type = catalogue.type(writer.typeName()).orElseThrow();
            return new SpecificDatumReader<>(writer.schema(), type.schema(), model);
        });
        BoundedBinaryDecoder decoder = new BoundedBinaryDecoder(bytes, offset + HEADER_LENGTH, length - HEADER_LENGTH);
        SpecificRecord record;
        try {
            record = reader.read(null, decoder);
        } catch (EOFException e) {
            throw new BodyException(RejectionReason.TRUNCATED, "input ends early: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new BodyException(RejectionReason.MALFORMED, "not a valid " + writer.typeName() + ": " + e, e);
        }
        if (decoder.remainingBytes() != 0) {
            throw new BodyException(RejectionReason.MALFORMED, decoder.remainingBytes() + " bytes left after the " + writer.typeName(), null);
        }
        return record;
    }

    /** A body that does not decode; the caller adds the envelope it knows to the rejection. */
    static final class BodyException extends Exception {
        private static final long serialVersionUID = 1L;
        final RejectionReason reason;

        BodyException(RejectionReason reason, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
        }
    }
}
