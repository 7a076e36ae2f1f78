package org.casebridge.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.casebridge.schema.codec.MessageCodec;
import org.casebridge.schema.codec.SenderKeys;
import org.junit.jupiter.api.Test;

/** The worked example in the partner guide is what the codec writes, and it verifies. */
class WorkedExampleTest {

    // The bytes printed in the partner integration guide.
    private static final String RECORD_HEX = "c30107ea65dc6f5734f84830303030303030302d303030302d343030302d383030302d30303030303030303030303148" +
            "31313131313131312d313131312d343131312d383131312d313131313131313131313131024831313131313131312d31" +
            "3131312d343131312d383131312d3131313131313131313131310e4e4c2d4e4854430c44452d424b4194b1a6dd956702" +
            "02546f72672e636173656272696467652e6d657373616765732e76312e44656c69766572795265636569707472c3019c" +
            "3bc07426c8f8034831313131313131312d313131312d343131312d383131312d31313131313131313131313100000000" +
            "a0ada6dd95674032316665333164666131353461323631363236626638353430343666643232378001e1d50ec1a76fbc" +
            "eb77d954da356b0613b173a7b6e5235f240c93e4cebe2a244e6b167d924bdee09f654256df32adae6267631b0ea4aaa8" +
            "e16da5599a254e8a04";

    @Test
    void theCodecWritesExactlyTheDocumentedBytes() {
        assertThat(SampleMessages.toHex(WorkedExample.record())).isEqualTo(RECORD_HEX);
        assertThat(WorkedExample.key().keyId()).isEqualTo("21fe31dfa154a261626bf854046fd227");
    }

    @Test
    void theDocumentedBytesVerifyAndDecode() {
        var message = MessageCodec.create().verifyAndDecode(SampleMessages.hex(RECORD_HEX), "DE-BKA",
                SenderKeys.of("NL-NHTC", WorkedExample.key().publicKey()));

        assertThat(message.payload()).isEqualTo(WorkedExample.payload());
        assertThat(message.sequenceNumber()).isEqualTo(1);
    }
}
