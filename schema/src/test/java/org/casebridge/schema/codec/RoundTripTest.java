package org.casebridge.schema.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecord;
import org.casebridge.events.v1.DomainEvent;
import org.casebridge.schema.SampleMessages;
import org.casebridge.schema.SchemaCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {

    private final MessageCodec codec = MessageCodec.create();

    static Stream<Arguments> payloads() {
        return SampleMessages.payloads().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void theSamplesCoverEveryPayloadType() {
        assertThat(SampleMessages.payloads().keySet()).containsExactlyElementsOf(
                SchemaCatalogue.standard().payloadTypes().stream().map(t -> t.simpleName()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void everyPayloadSurvivesEncodeSignVerifyDecode(String name, SpecificRecord payload) {
        EnvelopeHeader header = SampleMessages.header(name, 42);

        byte[] record = codec.encodeAndSign(header, payload, SampleMessages.senderKey());
        VerifiedMessage message = codec.verifyAndDecode(record, SampleMessages.RECIPIENT,
                SenderKeys.of(SampleMessages.SENDER, SampleMessages.senderKey().publicKey()));

        assertThat(message.payload()).isEqualTo(payload);
        assertThat(message.payloadType()).isEqualTo(payload.getSchema().getFullName());
        assertThat(message.type().javaClass()).isEqualTo(payload.getClass());
        assertThat(message.messageId()).isEqualTo(header.messageId());
        assertThat(message.correlationId()).isEqualTo(header.correlationId());
        assertThat(message.causationId()).contains(header.causationId());
        assertThat(message.senderAgency()).isEqualTo(header.senderAgency());
        assertThat(message.recipientAgency()).isEqualTo(header.recipientAgency());
        assertThat(message.sentAt()).isEqualTo(header.sentAt());
        assertThat(message.sequenceNumber()).isEqualTo(42);
        assertThat(message.handlingMarking()).isEqualTo(header.handlingMarking());
        assertThat(message.envelope().getSignerKeyId()).isEqualTo(SampleMessages.senderKey().keyId());
    }

    @Test
    void theSignatureIsTheLast66BytesAndCoversEverythingBefore() {
        byte[] record = codec.encodeAndSign(SampleMessages.header("DeliveryReceipt", 1), SampleMessages.deliveryReceipt(),
                SampleMessages.senderKey());

        byte[] signature = java.util.Arrays.copyOfRange(record, record.length - 64, record.length);
        assertThat(record[record.length - 66]).isEqualTo((byte) 0x80);
        assertThat(record[record.length - 65]).isEqualTo((byte) 0x01);
        assertThat(org.casebridge.schema.crypto.Ed25519Signatures.verify(SampleMessages.senderKey().publicKey(), signature,
                java.util.Arrays.copyOf(record, record.length - 66))).isTrue();
    }

    @Test
    void aMessageSignedWithTheSecondKeyOfARotationVerifies() {
        byte[] record = codec.encodeAndSign(SampleMessages.header("CaseShared", 1), SampleMessages.caseShared(),
                SampleMessages.senderKey());
        SenderKeys rotating = SenderKeys.of(java.util.Map.of(SampleMessages.SENDER,
                java.util.List.of(SampleMessages.otherKey().publicKey(), SampleMessages.senderKey().publicKey())));

        assertThat(codec.verifyAndDecode(record, SampleMessages.RECIPIENT, rotating).payload())
                .isEqualTo(SampleMessages.caseShared());
    }

    @Test
    void aDomainEventSurvivesEncodeAndDecode() {
        DomainEventCodec events = DomainEventCodec.create();
        DomainEvent event = SampleMessages.domainEvent();

        assertThat(events.decode(events.encode(event))).isEqualTo(event);
    }
}
