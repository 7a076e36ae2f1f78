package org.casebridge.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The rules every schema of the contract follows, checked on every named type reachable from the catalogue. */
class SchemaConventionsTest {

    private static List<Schema> namedTypes() {
        Map<Schema, Boolean> seen = new IdentityHashMap<>();
        List<Schema> named = new ArrayList<>();
        for (MessageType type : SchemaCatalogue.standard().types()) {
            walk(type.schema(), s -> {
                if (seen.put(s, true) == null && (s.getType() == Schema.Type.RECORD || s.getType() == Schema.Type.ENUM)) {
                    named.add(s);
                }
            }, new IdentityHashMap<>());
        }
        return named;
    }

    private static void walk(Schema schema, Consumer<Schema> visitor, Map<Schema, Boolean> visited) {
        if (visited.put(schema, true) != null) {
            return;
        }
        visitor.accept(schema);
        switch (schema.getType()) {
            case RECORD -> schema.getFields().forEach(f -> walk(f.schema(), visitor, visited));
            case ARRAY -> walk(schema.getElementType(), visitor, visited);
            case MAP -> walk(schema.getValueType(), visitor, visited);
            case UNION -> schema.getTypes().forEach(t -> walk(t, visitor, visited));
            default -> {
            }
        }
    }

    private static List<Schema.Field> fields() {
        return namedTypes().stream().filter(s -> s.getType() == Schema.Type.RECORD)
                .flatMap(s -> s.getFields().stream()).toList();
    }

    private static Schema nonNull(Schema schema) {
        return schema.isNullable() && schema.isUnion()
                ? schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow() : schema;
    }

    @Test
    void everyTypeAndEveryFieldIsDocumented() {
        assertThat(namedTypes()).allSatisfy(s -> assertThat(s.getDoc()).as(s.getFullName()).isNotBlank());
        assertThat(fields()).allSatisfy(f -> assertThat(f.doc()).as(f.name()).isNotBlank());
    }

    @Test
    void everyEnumHasADefaultSymbol() {
        assertThat(namedTypes().stream().filter(s -> s.getType() == Schema.Type.ENUM))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.getEnumDefault()).as(s.getFullName()).isNotNull());
    }

    @Test
    void namespacesAreVersioned() {
        assertThat(namedTypes()).allSatisfy(s -> assertThat(s.getNamespace())
                .isIn("org.casebridge.messages.v1", "org.casebridge.events.v1"));
    }

    @Test
    void optionalFieldsAndCollectionsDefaultToEmpty() {
        assertThat(fields()).allSatisfy(f -> {
            if (f.schema().isUnion()) {
                assertThat(f.schema().getTypes().get(0).getType()).as(f.name()).isEqualTo(Schema.Type.NULL);
                assertThat(f.hasDefaultValue()).as(f.name()).isTrue();
            }
            if (f.schema().getType() == Schema.Type.ARRAY || f.schema().getType() == Schema.Type.MAP) {
                assertThat(f.hasDefaultValue()).as(f.name()).isTrue();
            }
        });
    }

    @Test
    void timesAreTimestampMillisAndIdsAreUuids() {
        assertThat(fields()).allSatisfy(f -> {
            Schema type = nonNull(f.schema());
            if (f.name().endsWith("At") || f.name().endsWith("Until") || f.name().equals("deadline")
                    || f.name().endsWith("Date") || f.name().equals("from") || f.name().equals("to")) {
                assertThat(type.getLogicalType()).as(f.name()).isEqualTo(LogicalTypes.timestampMillis());
            }
            if ((f.name().endsWith("Id") && !f.name().equals("signerKeyId")) || f.name().equals("receiptFor")
                    || f.name().equals("inReplyTo")) {
                assertThat(type.getLogicalType()).as(f.name()).isEqualTo(LogicalTypes.uuid());
            }
        });
    }

    @Test
    void noCollectionItemCanBeEncodedInZeroBytes() {
        // The bounded decoder relies on this to cap item counts by the bytes left.
        assertThat(fields()).allSatisfy(f -> {
            Schema type = nonNull(f.schema());
            if (type.getType() == Schema.Type.ARRAY) {
                assertThat(minimumBytes(type.getElementType())).as(f.name()).isPositive();
            }
            if (type.getType() == Schema.Type.MAP) {
                assertThat(type.getValueType().getType()).as(f.name()).isNotEqualTo(Schema.Type.NULL);
            }
        });
    }

    @Test
    void theSignatureIsTheLastEnvelopeFieldInEveryVersion() {
        MessageType envelope = SchemaCatalogue.standard().envelope();
        List<Schema> versions = new ArrayList<>(envelope.history().stream().map(SchemaVersion::schema).toList());
        versions.add(envelope.schema());

        assertThat(versions).allSatisfy(schema -> {
            Schema.Field last = schema.getFields().get(schema.getFields().size() - 1);
            assertThat(last.name()).isEqualTo("signature");
            assertThat(last.schema().getType()).isEqualTo(Schema.Type.BYTES);
        });
    }

    private static int minimumBytes(Schema schema) {
        return switch (schema.getType()) {
            case NULL -> 0;
            case RECORD -> schema.getFields().stream().mapToInt(f -> minimumBytes(f.schema())).sum();
            case FIXED -> schema.getFixedSize();
            case FLOAT -> 4;
            case DOUBLE -> 8;
            default -> 1;
        };
    }
}
