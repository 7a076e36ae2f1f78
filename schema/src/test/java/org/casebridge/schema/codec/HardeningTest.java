package org.casebridge.schema.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.casebridge.messages.v1.DeliveryReceipt;
import org.casebridge.messages.v1.Envelope;
import org.casebridge.messages.v1.ReceiptReasonCode;
import org.casebridge.schema.SampleMessages;
import org.casebridge.schema.SchemaCatalogue;
import org.junit.jupiter.api.Test;

/** Every way a record can be wrong is refused with its own reason. */
class HardeningTest {

    private static final String SENDER = SampleMessages.SENDER;
    private static final String ME = SampleMessages.RECIPIENT;

    private final MessageCodec codec = MessageCodec.create();
    private final SenderKeys directory = SenderKeys.of(java.util.Map.of(
            SENDER, java.util.List.of(SampleMessages.senderKey().publicKey()),
            "FR-OFAC", java.util.List.of(SampleMessages.otherKey().publicKey())));

    private byte[] validRecord() {
        return codec.encodeAndSign(SampleMessages.header("EvidenceRequestSent", 7), SampleMessages.evidenceRequestSent(),
                SampleMessages.senderKey());
    }

    private Envelope validEnvelope() {
        return codec.verifyAndDecode(validRecord(), ME, directory).envelope();
    }

    private RejectionReason rejection(byte[] record) {
        return catchThrowableOfType(MessageRejectedException.class, () -> codec.verifyAndDecode(record, ME, directory)).reason();
    }

    @Test
    void theValidRecordIsAccepted() {
        assertThat(codec.verifyAndDecode(validRecord(), ME, directory).payload()).isEqualTo(SampleMessages.evidenceRequestSent());
    }

    @Test
    void aRecordAboveTheSizeLimitIsTooLarge() {
        byte[] record = validRecord();

        assertThatThrownBy(() -> codec.withMaxRecordBytes(record.length - 1).verifyAndDecode(record, ME, directory))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.TOO_LARGE));
    }

    @Test
    void wrongMagicBytesAreBadMagic() {
        byte[] record = validRecord();
        record[0] = (byte) 0xC2;

        assertThat(rejection(record)).isEqualTo(RejectionReason.BAD_MAGIC);
        assertThat(rejection(new byte[] {0x00, 0x01, 0x02})).isEqualTo(RejectionReason.BAD_MAGIC);
    }

    @Test
    void everyTruncationOfAValidRecordIsTruncated() {
        byte[] record = validRecord();

        for (int length = 0; length < record.length; length++) {
            assertThat(rejection(Arrays.copyOf(record, length))).as("first %d bytes", length).isEqualTo(RejectionReason.TRUNCATED);
        }
    }

    @Test
    void anUnknownEnvelopeFingerprintIsRefused() {
        byte[] record = validRecord();
        record[5] ^= 0x40;

        assertThat(rejection(record)).isEqualTo(RejectionReason.UNKNOWN_SCHEMA_FINGERPRINT);
    }

    @Test
    void bytesLeftAfterTheEnvelopeAreMalformed() {
        byte[] record = Arrays.copyOf(validRecord(), validRecord().length + 1);

        assertThat(rejection(record)).isEqualTo(RejectionReason.MALFORMED);
    }

    @Test
    void anEnumIndexOutOfRangeIsMalformed() throws IOException {
        // The handling marking is written as index 9 of a 5-symbol enum.
        GenericRecord envelope = genericEnvelope();
        byte[] record = encodeGenericWithEnumIndex(envelope, 9);

        assertThat(rejection(record)).isEqualTo(RejectionReason.MALFORMED);
    }

    @Test
    void aLengthBeyondTheEndIsTruncatedWithoutAllocatingIt() {
        // Header, then the message id's string length claims 2^30 bytes.
        byte[] record = Arrays.copyOf(validRecord(), 20);
        byte[] hugeLength = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08};
        System.arraycopy(hugeLength, 0, record, 10, hugeLength.length);

        assertThat(rejection(record)).isEqualTo(RejectionReason.TRUNCATED);
    }

    @Test
    void aNegativeLengthIsMalformed() {
        byte[] record = validRecord();
        record[10] = 0x03; // zig-zag -2 as the message id's length

        assertThat(rejection(record)).isEqualTo(RejectionReason.MALFORMED);
    }

    @Test
    void aRecordThatIsNotAnEnvelopeIsMalformed() {
        byte[] bareDomainEvent = DomainEventCodec.create().encode(SampleMessages.domainEvent());

        assertThat(rejection(bareDomainEvent)).isEqualTo(RejectionReason.MALFORMED);
    }

    @Test
    void aSenderWithoutKeysIsUnknown() {
        Envelope envelope = validEnvelope();
        envelope.setSenderAgency("XX-NOBODY");
        MessageRejectedException e = catchThrowableOfType(MessageRejectedException.class,
                () -> codec.verifyAndDecode(codec.signEnvelope(envelope, SampleMessages.senderKey()), ME, directory));

        assertThat(e.reason()).isEqualTo(RejectionReason.UNKNOWN_SENDER);
        assertThat(e.authenticated()).isFalse();
        assertThat(e.envelope()).map(Envelope::getSenderAgency).contains("XX-NOBODY");
    }

    @Test
    void aMessageSignedWithAnotherAgencysKeyIsNotTheSendersKey() {
        // FR-OFAC signs with its own, valid key but claims to be DE-BKA.
        byte[] record = codec.encodeAndSign(SampleMessages.header("EvidenceRequestSent", 7),
                SampleMessages.evidenceRequestSent(), SampleMessages.otherKey());

        assertThat(rejection(record)).isEqualTo(RejectionReason.SENDER_NOT_KEY_OWNER);
    }

    @Test
    void aSignatureThatDoesNotVerifyIsInvalid() {
        byte[] flippedSignature = validRecord();
        flippedSignature[flippedSignature.length - 1] ^= 0x01;
        byte[] flippedPayload = validRecord();
        flippedPayload[flippedPayload.length - 100] ^= 0x01;

        assertThat(rejection(flippedSignature)).isEqualTo(RejectionReason.SIGNATURE_INVALID);
        assertThat(rejection(flippedPayload)).isEqualTo(RejectionReason.SIGNATURE_INVALID);
    }

    @Test
    void aSignatureOfTheWrongLengthIsInvalid() {
        Envelope envelope = validEnvelope();
        envelope.setSignature(ByteBuffer.wrap(Arrays.copyOf(envelope.getSignature().array(), 63)));

        assertThat(rejection(new SingleObjectCodec(SchemaCatalogue.standard()).encode(envelope)))
                .isEqualTo(RejectionReason.SIGNATURE_INVALID);
    }

    @Test
    void aMessageForAnotherAgencyIsWrongRecipient() {
        MessageRejectedException e = catchThrowableOfType(MessageRejectedException.class,
                () -> codec.verifyAndDecode(validRecord(), "FR-OFAC", directory));

        assertThat(e.reason()).isEqualTo(RejectionReason.WRONG_RECIPIENT);
        assertThat(e.authenticated()).isTrue();
        assertThat(e.receiptCode()).isEqualTo(ReceiptReasonCode.WRONG_RECIPIENT);
    }

    @Test
    void aPayloadTypeFromTheFutureIsUnknownPayloadType() throws IOException {
        Schema future = new Schema.Parser().parse("""
                {"type":"record","name":"EvidenceRequestEscalated","namespace":"org.casebridge.messages.v2",
                 "fields":[{"name":"requestId","type":"string"}]}""");
        GenericRecord payload = new GenericData.Record(future);
        payload.put("requestId", "2b7e1516-28ae-4d2a-a6ab-f7158809cf4f");
        Envelope envelope = validEnvelope();
        envelope.setPayloadType(future.getFullName());
        envelope.setPayload(ByteBuffer.wrap(singleObject(future, payload)));

        MessageRejectedException e = catchThrowableOfType(MessageRejectedException.class,
                () -> codec.verifyAndDecode(codec.signEnvelope(envelope, SampleMessages.senderKey()), ME, directory));

        assertThat(e.reason()).isEqualTo(RejectionReason.UNKNOWN_PAYLOAD_TYPE);
        assertThat(e.envelope()).map(Envelope::getPayloadType).contains(future.getFullName());
    }

    @Test
    void aNewerVersionOfAKnownPayloadTypeIsAnUnknownFingerprint() throws IOException {
        Schema newer = new Schema.Parser().parse("""
                {"type":"record","name":"DeliveryReceipt","namespace":"org.casebridge.messages.v1",
                 "fields":[{"name":"receiptFor","type":"string"},{"name":"addedLater","type":"int","default":0}]}""");
        GenericRecord payload = new GenericData.Record(newer);
        payload.put("receiptFor", "0f1e2d3c-4b5a-4968-8776-655443322110");
        payload.put("addedLater", 1);
        Envelope envelope = validEnvelope();
        envelope.setPayloadType(newer.getFullName());
        envelope.setPayload(ByteBuffer.wrap(singleObject(newer, payload)));

        assertThat(rejection(codec.signEnvelope(envelope, SampleMessages.senderKey())))
                .isEqualTo(RejectionReason.UNKNOWN_SCHEMA_FINGERPRINT);
    }

    @Test
    void aPayloadOfAnotherTypeThanNamedIsAMismatch() {
        Envelope envelope = validEnvelope();
        envelope.setPayloadType(DeliveryReceipt.getClassSchema().getFullName());

        assertThat(rejection(codec.signEnvelope(envelope, SampleMessages.senderKey())))
                .isEqualTo(RejectionReason.PAYLOAD_TYPE_MISMATCH);
    }

    @Test
    void payloadFramingErrorsAreReportedAfterTheSignatureCheck() {
        Envelope badMagic = validEnvelope();
        byte[] payload = badMagic.getPayload().array().clone();
        payload[1] = 0x02;
        badMagic.setPayload(ByteBuffer.wrap(payload));
        Envelope truncated = validEnvelope();
        truncated.setPayload(ByteBuffer.wrap(Arrays.copyOf(payload, payload.length / 2)));
        truncated.getPayload().array()[1] = 0x01;

        MessageRejectedException e = catchThrowableOfType(MessageRejectedException.class,
                () -> codec.verifyAndDecode(codec.signEnvelope(badMagic, SampleMessages.senderKey()), ME, directory));
        assertThat(e.reason()).isEqualTo(RejectionReason.BAD_MAGIC);
        assertThat(e.authenticated()).isTrue();
        assertThat(rejection(codec.signEnvelope(truncated, SampleMessages.senderKey()))).isEqualTo(RejectionReason.TRUNCATED);
    }

    @Test
    void everyRejectionReasonHasAReceiptCode() {
        for (RejectionReason reason : RejectionReason.values()) {
            assertThat(reason.receiptCode().name()).isEqualTo(reason.name());
        }
    }

    @Test
    void domainEventDecodingIsHardenedToo() {
        DomainEventCodec events = DomainEventCodec.create();
        byte[] event = events.encode(SampleMessages.domainEvent());

        for (int length = 0; length < event.length; length++) {
            byte[] prefix = Arrays.copyOf(event, length);
            assertThatThrownBy(() -> events.decode(prefix)).isInstanceOfSatisfying(MessageRejectedException.class,
                    e -> assertThat(e.reason()).isIn(RejectionReason.TRUNCATED));
        }
        byte[] badMagic = event.clone();
        badMagic[0] = 0;
        assertThatThrownBy(() -> events.decode(badMagic)).isInstanceOfSatisfying(MessageRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(RejectionReason.BAD_MAGIC));
        assertThatThrownBy(() -> events.decode(validRecord())).isInstanceOfSatisfying(MessageRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(RejectionReason.MALFORMED));
    }

    private GenericRecord genericEnvelope() {
        Envelope envelope = validEnvelope();
        GenericRecord generic = new GenericData.Record(Envelope.getClassSchema());
        for (Schema.Field field : Envelope.getClassSchema().getFields()) {
            Object value = envelope.get(field.pos());
            generic.put(field.pos(), value instanceof java.util.UUID || value instanceof CharSequence ? value.toString()
                    : value instanceof java.time.Instant instant ? instant.toEpochMilli()
                    : value instanceof Enum<?> symbol ? new GenericData.EnumSymbol(field.schema(), symbol.name()) : value);
        }
        return generic;
    }

    private static byte[] encodeGenericWithEnumIndex(GenericRecord envelope, int index) throws IOException {
        GenericDatumWriter<GenericRecord> writer = new GenericDatumWriter<>(envelope.getSchema()) {
            @Override
            protected void writeEnum(Schema schema, Object datum, org.apache.avro.io.Encoder out) throws IOException {
                out.writeEnum(index);
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header(envelope.getSchema()));
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        writer.write(envelope, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static byte[] singleObject(Schema schema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header(schema));
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static byte[] header(Schema schema) {
        long fingerprint = SchemaCatalogue.fingerprint(schema);
        byte[] header = new byte[10];
        header[0] = (byte) 0xC3;
        header[1] = 0x01;
        for (int i = 0; i < 8; i++) {
            header[2 + i] = (byte) (fingerprint >>> (8 * i));
        }
        return header;
    }
}
