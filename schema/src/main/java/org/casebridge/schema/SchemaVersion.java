package org.casebridge.schema;

import org.apache.avro.Schema;

/**
 * One version of a top-level schema that a reader must be able to decode.
 *
 * @param typeName    full Avro name of the type
 * @param release     the release that froze this version, e.g. {@code v1}; {@link #CURRENT} for the schema compiled
 *                    into this jar when no release has frozen it yet
 * @param schema      the schema as it was written
 * @param fingerprint CRC-64-AVRO fingerprint of its parsing canonical form, as single-object encoding carries it
 */
public record SchemaVersion(String typeName, String release, Schema schema, long fingerprint) {

    /** Release name of a schema version that is not frozen yet. */
    public static final String CURRENT = "current";
}
