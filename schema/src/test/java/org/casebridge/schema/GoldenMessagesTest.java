package org.casebridge.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecord;
import org.casebridge.schema.codec.DomainEventCodec;
import org.casebridge.schema.codec.EnvelopeHeader;
import org.casebridge.schema.codec.MessageCodec;
import org.casebridge.schema.codec.SenderKeys;
import org.casebridge.schema.codec.VerifiedMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden messages of every release (written once by {@code tools.WriteGoldenMessages}, never changed) must
 * still verify and decode to the values they were written from.
 */
class GoldenMessagesTest {

    private static final List<String> RELEASES_WITH_GOLDEN_FILES = List.of("v1");

    private final MessageCodec codec = MessageCodec.create();

    static Stream<Arguments> goldenPayloads() {
        return RELEASES_WITH_GOLDEN_FILES.stream().flatMap(release -> {
            long[] sequence = {1};
            // a release has golden messages for the types it shipped; types added later come with a later release
            return SampleMessages.payloads().entrySet().stream()
                    .filter(e -> shippedIn(release, e.getValue()))
                    .map(e -> Arguments.of(release, e.getKey(), e.getValue(), sequence[0]++));
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("goldenPayloads")
    void goldenMessageDecodesToItsSample(String release, String name, SpecificRecord expected, long sequenceNumber) throws IOException {
        byte[] golden = read(release, name);

        VerifiedMessage message = codec.verifyAndDecode(golden, SampleMessages.RECIPIENT,
                SenderKeys.of(SampleMessages.SENDER, SampleMessages.senderKey().publicKey()));

        EnvelopeHeader header = SampleMessages.header(name, sequenceNumber);
        assertThat(message.payload()).isEqualTo(expected);
        assertThat(message.messageId()).isEqualTo(header.messageId());
        assertThat(message.correlationId()).isEqualTo(header.correlationId());
        assertThat(message.causationId().orElse(null)).isEqualTo(header.causationId());
        assertThat(message.sentAt()).isEqualTo(header.sentAt());
        assertThat(message.sequenceNumber()).isEqualTo(sequenceNumber);
        assertThat(message.handlingMarking()).isEqualTo(header.handlingMarking());
    }

    @Test
    void goldenDomainEventDecodesToItsSample() throws IOException {
        for (String release : RELEASES_WITH_GOLDEN_FILES) {
            assertThat(DomainEventCodec.create().decode(read(release, "DomainEvent"))).isEqualTo(SampleMessages.domainEvent());
        }
    }

    @Test
    void everyReleaseHasAGoldenMessageForEveryTypeItShipped() {
        for (String release : RELEASES_WITH_GOLDEN_FILES) {
            for (MessageType type : SchemaCatalogue.standard().types()) {
                boolean shipped = type.history().stream().anyMatch(v -> v.release().equals(release));
                if (shipped && type.kind() != MessageType.Kind.ENVELOPE) {
                    assertThat(GoldenMessagesTest.class.getResource("/golden/" + release + "/" + type.simpleName() + ".bin"))
                            .as("golden message of %s in %s", type.simpleName(), release).isNotNull();
                }
            }
        }
    }

    private static boolean shippedIn(String release, SpecificRecord sample) {
        return SchemaCatalogue.standard().type(sample.getClass()).orElseThrow().history().stream()
                .anyMatch(v -> v.release().equals(release));
    }

    private static byte[] read(String release, String name) throws IOException {
        try (InputStream in = GoldenMessagesTest.class.getResourceAsStream("/golden/" + release + "/" + name + ".bin")) {
            assertThat(in).as("golden file %s/%s.bin", release, name).isNotNull();
            return in.readAllBytes();
        }
    }
}
