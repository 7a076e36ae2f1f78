package org.casebridge.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

import org.apache.avro.Schema;
import org.casebridge.messages.v1.EvidenceRequestSent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Full transitive compatibility: every current schema reads, and is read by, every frozen version of its type.
 */
class CompatibilityTest {

    private final SchemaCatalogue catalogue = SchemaCatalogue.standard();

    @Test
    void everyCurrentSchemaIsFullyCompatibleWithEveryReleasedVersion() {
        for (MessageType type : catalogue.types()) {
            assertThat(SchemaEvolution.incompatibilitiesWithAll(type.schema(), type.history())).as(type.name()).isEmpty();
        }
    }

    /**
     * Payload types added since the last release: not frozen yet, so a release must freeze them. One line each, so
     * that changes made side by side merge cleanly; the next release empties the list.
     */
    private static final Set<String> ADDED_SINCE_LAST_RELEASE = Set.of(
            "org.casebridge.messages.v1.EvidenceRequestClosed");

    @Test
    void everyTypeOfTheContractIsFrozenInAReleaseOrNewSinceTheLastOne() {
        assertThat(catalogue.releases()).contains("v1");
        assertThat(catalogue.types()).allSatisfy(type -> {
            if (ADDED_SINCE_LAST_RELEASE.contains(type.name())) {
                // a new type is a payload (older nodes refuse it as unknown), never a change to the envelope
                assertThat(type.kind()).as(type.name()).isEqualTo(MessageType.Kind.PAYLOAD);
                assertThat(type.history()).as("%s is frozen: remove it from the list", type.name()).isEmpty();
            } else {
                assertThat(type.history()).as(type.name()).isNotEmpty();
            }
        });
        assertThat(catalogue.types().stream().map(MessageType::name)).containsAll(ADDED_SINCE_LAST_RELEASE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"required-field-added", "field-renamed", "field-type-changed"})
    void anIncompatibleChangeIsDetected(String change) throws IOException {
        Schema changed = testSchema("/compatibility/EvidenceRequestSent-" + change + ".avsc");

        assertThat(SchemaEvolution.incompatibilitiesWithAll(changed, history(EvidenceRequestSent.class)))
                .as(change).isNotEmpty();
    }

    @Test
    void aCompatibleChangeIsAccepted() throws IOException {
        Schema changed = testSchema("/compatibility/EvidenceRequestSent-optional-field-added.avsc");

        assertThat(changed.getField("addedInAFutureRelease")).isNotNull();
        assertThat(SchemaEvolution.incompatibilitiesWithAll(changed, history(EvidenceRequestSent.class))).isEmpty();
    }

    private List<SchemaVersion> history(Class<?> type) {
        return catalogue.type(type).orElseThrow().history();
    }

    private static Schema testSchema(String resource) throws IOException {
        try (InputStream in = CompatibilityTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new Schema.Parser().parse(in);
        }
    }
}
