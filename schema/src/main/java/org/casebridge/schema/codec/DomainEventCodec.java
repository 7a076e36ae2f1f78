package org.casebridge.schema.codec;

import java.util.Objects;

import org.casebridge.events.v1.DomainEvent;
import org.casebridge.schema.SchemaCatalogue;
import org.casebridge.schema.SchemaVersion;

/**
 * Encodes and decodes a node's domain events, the values of its {@code casebridge.events.<AGENCY-CODE>} topic: a
 * {@link DomainEvent} in Avro single-object encoding, not signed (events never leave the node). Decoding is
 * hardened like {@link MessageCodec}'s and resolves any released version of the event schema.
 *
 * <p>Immutable and thread-safe.
 */
public final class DomainEventCodec {

    private final SingleObjectCodec singleObject;
    private final int maxRecordBytes;

    private DomainEventCodec(SchemaCatalogue catalogue, int maxRecordBytes) {
        this.singleObject = new SingleObjectCodec(Objects.requireNonNull(catalogue, "catalogue"));
        this.maxRecordBytes = maxRecordBytes;
    }

    /** A codec for the standard catalogue, with {@link MessageCodec#DEFAULT_MAX_RECORD_BYTES}. */
    public static DomainEventCodec create() {
        return new DomainEventCodec(SchemaCatalogue.standard(), MessageCodec.DEFAULT_MAX_RECORD_BYTES);
    }

    /** The single-object encoding of an event. */
    public byte[] encode(DomainEvent event) {
        return singleObject.encode(Objects.requireNonNull(event, "event"));
    }

    /**
     * Decodes an event.
     *
     * @throws MessageRejectedException with TOO_LARGE, TRUNCATED, BAD_MAGIC, UNKNOWN_SCHEMA_FINGERPRINT or MALFORMED
     */
    public DomainEvent decode(byte[] record) {
        if (record == null) {
            throw new MessageRejectedException(RejectionReason.TRUNCATED, "no record value");
        }
        if (record.length > maxRecordBytes) {
            throw new MessageRejectedException(RejectionReason.TOO_LARGE,
                    "record has " + record.length + " bytes, the limit is " + maxRecordBytes);
        }
        SchemaVersion writer = singleObject.writerVersion(record, 0, record.length, "event");
        if (!writer.typeName().equals(singleObject.catalogue().domainEvent().name())) {
            throw new MessageRejectedException(RejectionReason.MALFORMED, "record is a " + writer.typeName() + ", not a domain event");
        }
        try {
            return (DomainEvent) singleObject.decodeBody(record, 0, record.length, writer);
        } catch (SingleObjectCodec.BodyException e) {
            throw new MessageRejectedException(e.reason, "event: " + e.getMessage(), null, false, e);
        }
    }
}
