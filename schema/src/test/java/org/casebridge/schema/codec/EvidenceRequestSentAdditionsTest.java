package org.casebridge.schema.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.casebridge.messages.v1.DataAccessibility;
import org.casebridge.messages.v1.EvidenceRequestSent;
import org.casebridge.schema.SampleMessages;
import org.casebridge.schema.SchemaCatalogue;
import org.casebridge.schema.SchemaVersion;
import org.junit.jupiter.api.Test;

/**
 * {@code EvidenceRequestSent.accessibility} and {@code author} were added after release v1 as optional fields: a v1
 * request reads as "not given", and a v1 reader reads a request that carries them.
 */
class EvidenceRequestSentAdditionsTest {

    private final MessageCodec codec = MessageCodec.create();
    private final SenderKeys keys = SenderKeys.of(SampleMessages.SENDER, SampleMessages.senderKey().publicKey());

    @Test
    void theV1GoldenRequestReadsWithoutAccessibilityOrAuthor() throws IOException {
        byte[] golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/v1/EvidenceRequestSent.bin")) {
            assertThat(in).isNotNull();
            golden = in.readAllBytes();
        }

        EvidenceRequestSent sent = codec.verifyAndDecode(golden, SampleMessages.RECIPIENT, keys)
                .payload(EvidenceRequestSent.class);

        assertThat(sent.getAccessibility()).isNull();
        assertThat(sent.getAuthor()).isNull();
        assertThat(sent.getApprovedBy()).isEqualTo(SampleMessages.evidenceRequestSent().getApprovedBy());
    }

    @Test
    void accessibilityAndAuthorSurviveTheCodec() {
        EvidenceRequestSent sent = withAdditions();

        byte[] record = codec.encodeAndSign(SampleMessages.header("EvidenceRequestSent", 5), sent,
                SampleMessages.senderKey());
        EvidenceRequestSent read = codec.verifyAndDecode(record, SampleMessages.RECIPIENT, keys)
                .payload(EvidenceRequestSent.class);

        assertThat(read).isEqualTo(sent);
        assertThat(read.getAccessibility()).isEqualTo(DataAccessibility.INDIRECT);
        assertThat(read.getAuthor()).isEqualTo("officer.schulz");
        assertThat(read.getEmergencyJustification()).isNull();
    }

    @Test
    void aV1ReaderReadsARequestWithTheAdditionsAndIgnoresThem() throws IOException {
        EvidenceRequestSent sent = withAdditions();
        Schema v1 = v1Schema();
        assertThat(v1.getField("accessibility")).isNull();
        assertThat(v1.getField("author")).isNull();
        byte[] record = codec.encodeAndSign(SampleMessages.header("EvidenceRequestSent", 6), sent,
                SampleMessages.senderKey());
        ByteBuffer payload = codec.verifyAndDecode(record, SampleMessages.RECIPIENT, keys).envelope().getPayload();
        byte[] singleObject = new byte[payload.remaining()];
        payload.duplicate().get(singleObject);
        // single-object encoding: C3 01, the 8-byte fingerprint of the writer schema, then the body
        assertThat(SchemaCatalogue.standard().version(fingerprint(singleObject)).orElseThrow().release())
                .isEqualTo(SchemaVersion.CURRENT);

        GenericRecord read = new GenericDatumReader<GenericRecord>(EvidenceRequestSent.getClassSchema(), v1).read(null,
                DecoderFactory.get().binaryDecoder(singleObject, 10, singleObject.length - 10, null));

        assertThat(read.get("reference").toString()).isEqualTo(sent.getReference());
        assertThat(read.get("approvedBy").toString()).isEqualTo("supervisor.meyer");
        assertThat(read.get("emergencyJustification")).isNull();
        assertThat(read.hasField("author")).isFalse();
    }

    private static EvidenceRequestSent withAdditions() {
        EvidenceRequestSent sent = SampleMessages.evidenceRequestSent();
        sent.setAccessibility(DataAccessibility.INDIRECT);
        sent.setAuthor("officer.schulz");
        return sent;
    }

    private static long fingerprint(byte[] singleObject) {
        long fingerprint = 0;
        for (int i = 0; i < 8; i++) {
            fingerprint |= (singleObject[2 + i] & 0xFFL) << (8 * i);
        }
        return fingerprint;
    }

    private static Schema v1Schema() {
        return SchemaCatalogue.standard().type(EvidenceRequestSent.class).orElseThrow().history().stream()
                .filter(v -> v.release().equals("v1")).map(SchemaVersion::schema).findFirst().orElseThrow();
    }
}
