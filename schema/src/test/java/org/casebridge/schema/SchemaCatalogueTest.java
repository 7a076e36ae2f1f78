package org.casebridge.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.casebridge.messages.v1.EvidenceRequestSent;
import org.junit.jupiter.api.Test;

class SchemaCatalogueTest {

    private final SchemaCatalogue catalogue = SchemaCatalogue.standard();

    @Test
    void listsTheEnvelopeEveryPayloadTypeAndTheDomainEvent() {
        assertThat(catalogue.envelope().name()).isEqualTo("org.casebridge.messages.v1.Envelope");
        assertThat(catalogue.domainEvent().name()).isEqualTo("org.casebridge.events.v1.DomainEvent");
        assertThat(catalogue.payloadTypes()).hasSize(22);
        assertThat(catalogue.types()).hasSize(24);
    }

    @Test
    void everyRecordThatNoOtherRecordContainsIsCatalogued() throws Exception {
        Set<String> topLevel = new HashSet<>();
        Set<String> nested = new HashSet<>();
        for (String namespace : new String[] {"messages", "events"}) {
            Path folder = Path.of(getClass().getResource("/" + SchemaCatalogue.AVSC_ROOT + namespace).toURI());
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    String name = "org.casebridge." + namespace + ".v1." + file.getFileName().toString().replace(".avsc", "");
                    Schema schema = SpecificData.get().getSchema(Class.forName(name));
                    if (schema.getType() == Schema.Type.RECORD) {
                        topLevel.add(name);
                        schema.getFields().forEach(f -> collectNested(f.schema(), nested));
                    }
                }
            }
        }
        topLevel.removeAll(nested);

        assertThat(topLevel).containsExactlyInAnyOrderElementsOf(catalogue.types().stream().map(MessageType::name).toList());
    }

    @Test
    void findsTypesByNameClassAndFingerprint() {
        MessageType type = catalogue.type("org.casebridge.messages.v1.EvidenceRequestSent").orElseThrow();

        assertThat(catalogue.type(EvidenceRequestSent.class)).contains(type);
        assertThat(catalogue.version(type.fingerprint())).get().extracting(SchemaVersion::typeName).isEqualTo(type.name());
        assertThat(type.history()).extracting(SchemaVersion::release).containsExactly("v1");
        assertThat(catalogue.version(type.history().get(0).fingerprint())).isPresent();
        assertThat(catalogue.type("org.casebridge.messages.v1.Nothing")).isEmpty();
        assertThat(catalogue.version(12345L)).isEmpty();
    }

    @Test
    void fingerprintsAreUnique() {
        assertThat(catalogue.types().stream().map(MessageType::fingerprint).distinct()).hasSize(catalogue.types().size());
    }

    @Test
    void theCanonicalAvscFilesShipInTheJar() {
        assertThat(getClass().getResource("/" + SchemaCatalogue.AVSC_ROOT + "messages/Envelope.avsc")).isNotNull();
        assertThat(getClass().getResource("/" + SchemaCatalogue.AVSC_ROOT + "events/DomainEvent.avsc")).isNotNull();
    }

    @Test
    void theJarDoesNotDependOnMicronaut() {
        assertThatThrownBy(() -> Class.forName("io.micronaut.context.ApplicationContext"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("io.micronaut.core.annotation.Introspected"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void agencyCodesAndTopicNamesFollowTheContract() {
        assertThat(AgencyCodes.isValid("DE-BKA")).isTrue();
        assertThat(AgencyCodes.isValid("NL-NHTC")).isTrue();
        assertThat(AgencyCodes.isValid("de-bka")).isFalse();
        assertThat(AgencyCodes.isValid("DE--BKA")).isFalse();
        assertThat(AgencyCodes.isValid("D")).isFalse();
        assertThat(AgencyCodes.isValid("A".repeat(25))).isFalse();
        assertThat(KafkaTopics.inbox("DE-BKA")).isEqualTo("casebridge.inbox.DE-BKA");
        assertThat(KafkaTopics.events("DE-BKA")).isEqualTo("casebridge.events.DE-BKA");
        assertThat(KafkaTopics.deadLetter(KafkaTopics.inbox("DE-BKA"))).isEqualTo("casebridge.inbox.DE-BKA.dlt");
        assertThatThrownBy(() -> KafkaTopics.inbox("x")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void collectNested(Schema schema, Set<String> nested) {
        switch (schema.getType()) {
            case RECORD, ENUM -> nested.add(schema.getFullName());
            case ARRAY -> collectNested(schema.getElementType(), nested);
            case MAP -> collectNested(schema.getValueType(), nested);
            case UNION -> schema.getTypes().forEach(t -> collectNested(t, nested));
            default -> {
            }
        }
    }
}
