package org.casebridge.schema.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.casebridge.messages.v1.JointActionReadinessDeclared;
import org.casebridge.schema.MessageType;
import org.casebridge.schema.SampleMessages;
import org.casebridge.schema.SchemaCatalogue;
import org.casebridge.schema.SchemaVersion;
import org.junit.jupiter.api.Test;

/**
 * {@code JointActionReadinessDeclared.planRevision} was added after release v1 as an optional field: v1 messages
 * read as "no revision", and a v1 reader reads a message that carries one.
 */
class ReadinessPlanRevisionTest {

    private final MessageCodec codec = MessageCodec.create();
    private final SenderKeys keys = SenderKeys.of(SampleMessages.SENDER, SampleMessages.senderKey().publicKey());

    @Test
    void theV1GoldenReadinessReadsWithoutAPlanRevision() throws IOException {
        byte[] golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/v1/JointActionReadinessDeclared.bin")) {
            assertThat(in).isNotNull();
            golden = in.readAllBytes();
        }

        JointActionReadinessDeclared declared = codec.verifyAndDecode(golden, SampleMessages.RECIPIENT, keys)
                .payload(JointActionReadinessDeclared.class);

        assertThat(declared.getPlanRevision()).isNull();
        assertThat(declared.getReady()).isEqualTo(SampleMessages.jointActionReadinessDeclared().getReady());
    }

    @Test
    void aPlanRevisionSurvivesTheCodec() {
        JointActionReadinessDeclared declared = withRevision(7L);

        byte[] record = codec.encodeAndSign(SampleMessages.header("JointActionReadinessDeclared", 3), declared,
                SampleMessages.senderKey());

        assertThat(codec.verifyAndDecode(record, SampleMessages.RECIPIENT, keys)
                .payload(JointActionReadinessDeclared.class).getPlanRevision()).isEqualTo(7L);
    }

    @Test
    void aV1ReaderReadsAMessageWithAPlanRevisionAndIgnoresIt() throws IOException {
        JointActionReadinessDeclared declared = withRevision(7L);
        Schema current = JointActionReadinessDeclared.getClassSchema();
        Schema v1 = v1Schema();
        assertThat(v1.getField("planRevision")).isNull();
        GenericRecord written = new GenericData.Record(current);
        written.put("jointActionId", declared.getJointActionId().toString());
        written.put("agency", declared.getAgency());
        written.put("ready", declared.getReady());
        written.put("note", declared.getNote());
        written.put("declaredAt", declared.getDeclaredAt().toEpochMilli());
        written.put("planRevision", 7L);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(current).write(written, encoder);
        encoder.flush();
        GenericRecord read = new GenericDatumReader<GenericRecord>(JointActionReadinessDeclared.getClassSchema(), v1)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));

        assertThat(read.get("agency").toString()).isEqualTo(declared.getAgency());
        assertThat(read.get("ready")).isEqualTo(declared.getReady());
        assertThat(read.hasField("planRevision")).isFalse();
    }

    @Test
    void theCurrentSchemaHasItsOwnFingerprintBesideV1() {
        MessageType type = SchemaCatalogue.standard().type(JointActionReadinessDeclared.class).orElseThrow();
        long v1 = SchemaCatalogue.fingerprint(v1Schema());

        assertThat(type.fingerprint()).isNotEqualTo(v1);
        assertThat(SchemaCatalogue.standard().version(v1)).map(SchemaVersion::release).contains("v1");
        assertThat(SchemaCatalogue.standard().version(type.fingerprint())).map(SchemaVersion::release)
                .contains(SchemaVersion.CURRENT);
    }

    private static Schema v1Schema() {
        return SchemaCatalogue.standard().type(JointActionReadinessDeclared.class).orElseThrow().history().stream()
                .filter(v -> v.release().equals("v1")).findFirst().orElseThrow().schema();
    }

    private static JointActionReadinessDeclared withRevision(Long revision) {
        return JointActionReadinessDeclared.newBuilder(SampleMessages.jointActionReadinessDeclared())
                .setPlanRevision(revision).build();
    }
}
