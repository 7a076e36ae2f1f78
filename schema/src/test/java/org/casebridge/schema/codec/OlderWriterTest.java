package org.casebridge.schema.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.casebridge.messages.v1.DeliveryOutcome;
import org.casebridge.messages.v1.DeliveryReceipt;
import org.casebridge.messages.v1.Envelope;
import org.casebridge.schema.SampleMessages;
import org.casebridge.schema.SchemaCatalogue;
import org.casebridge.schema.SchemaEvolution;
import org.casebridge.schema.SchemaVersion;
import org.junit.jupiter.api.Test;

/** A payload written with another catalogued version of its schema resolves to the current class. */
class OlderWriterTest {

    // DeliveryReceipt as an imagined earlier release had it: without refusedPayloadType, fields in another order.
    private static final Schema EARLIER = new Schema.Parser().parse("""
            {"type":"record","name":"DeliveryReceipt","namespace":"org.casebridge.messages.v1","fields":[
              {"name":"processedAt","type":{"type":"long","logicalType":"timestamp-millis"}},
              {"name":"receiptFor","type":{"type":"string","logicalType":"uuid"}},
              {"name":"outcome","type":{"type":"enum","name":"DeliveryOutcome","symbols":["APPLIED","REFUSED"],"default":"REFUSED"}},
              {"name":"reasonCode","type":["null",{"type":"enum","name":"ReceiptReasonCode","symbols":["OTHER"],"default":"OTHER"}],"default":null},
              {"name":"reasonText","type":["null","string"],"default":null}]}""");

    @Test
    void theEarlierVersionIsFullyCompatible() {
        assertThat(SchemaEvolution.incompatibilities(DeliveryReceipt.getClassSchema(), EARLIER)).isEmpty();
    }

    @Test
    void aPayloadWrittenWithAnEarlierVersionDecodesIntoTheCurrentClass() throws IOException {
        SchemaCatalogue catalogue = SchemaCatalogue.standard().withVersion(
                new SchemaVersion(EARLIER.getFullName(), "v0", EARLIER, SchemaCatalogue.fingerprint(EARLIER)));
        MessageCodec codec = MessageCodec.create(catalogue);
        GenericRecord old = new GenericData.Record(EARLIER);
        old.put("processedAt", SampleMessages.deliveryReceipt().getProcessedAt().toEpochMilli());
        old.put("receiptFor", SampleMessages.deliveryReceipt().getReceiptFor().toString());
        old.put("outcome", new GenericData.EnumSymbol(EARLIER.getField("outcome").schema(), "REFUSED"));
        old.put("reasonCode", new GenericData.EnumSymbol(EARLIER.getField("reasonCode").schema().getTypes().get(1), "OTHER"));
        old.put("reasonText", "written by an older node");

        Envelope envelope = MessageCodec.create().verifyAndDecode(
                codec.encodeAndSign(SampleMessages.header("DeliveryReceipt", 1), SampleMessages.deliveryReceipt(),
                        SampleMessages.senderKey()), SampleMessages.RECIPIENT,
                SenderKeys.of(SampleMessages.SENDER, SampleMessages.senderKey().publicKey())).envelope();
        envelope.setPayload(ByteBuffer.wrap(singleObject(old)));
        byte[] record = codec.signEnvelope(envelope, SampleMessages.senderKey());

        DeliveryReceipt receipt = codec.verifyAndDecode(record, SampleMessages.RECIPIENT,
                SenderKeys.of(SampleMessages.SENDER, SampleMessages.senderKey().publicKey())).payload(DeliveryReceipt.class);

        assertThat(receipt.getReceiptFor()).isEqualTo(SampleMessages.deliveryReceipt().getReceiptFor());
        assertThat(receipt.getOutcome()).isEqualTo(DeliveryOutcome.REFUSED);
        assertThat(receipt.getReasonText()).isEqualTo("written by an older node");
        assertThat(receipt.getRefusedPayloadType()).isNull();
        assertThat(receipt.getProcessedAt()).isEqualTo(SampleMessages.deliveryReceipt().getProcessedAt());
        assertThat(MessageCodec.create().catalogue().version(SchemaCatalogue.fingerprint(EARLIER))).isEmpty();
    }

    private static byte[] singleObject(GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xC3, 0x01});
        long fingerprint = SchemaCatalogue.fingerprint(record.getSchema());
        for (int i = 0; i < 8; i++) {
            out.write((int) (fingerprint >>> (8 * i)));
        }
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
