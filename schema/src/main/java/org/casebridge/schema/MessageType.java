package org.casebridge.schema;

import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * One top-level type of the contract: the envelope, a federation payload or the domain event.
 *
 * @param name        full Avro name, e.g. {@code org.casebridge.messages.v1.EvidenceRequestSent}; for a payload this
 *                    is the envelope's {@code payloadType}
 * @param kind        what the type is for
 * @param javaClass   the generated class
 * @param schema      the current schema, as compiled into this jar
 * @param fingerprint CRC-64-AVRO fingerprint of the current schema's parsing canonical form
 * @param history     every released version of the schema, oldest first (may not yet contain the current one)
 */
public record MessageType(String name, Kind kind, Class<? extends SpecificRecord> javaClass, Schema schema,
                          long fingerprint, List<SchemaVersion> history) {

    /** What a top-level type is for. */
    public enum Kind {
        /** The signed outer record of every inbox message. */
        ENVELOPE,
        /** A federation message carried in the envelope's payload. */
        PAYLOAD,
        /** A node's own domain event on its events topic. */
        DOMAIN_EVENT
    }

    public MessageType {
        history = List.copyOf(history);
    }

    /** The simple name, e.g. {@code EvidenceRequestSent}. */
    public String simpleName() {
        return schema.getName();
    }
}
