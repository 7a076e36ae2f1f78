package org.casebridge.schema;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.casebridge.messages.v1.DeliveryOutcome;
import org.casebridge.messages.v1.DeliveryReceipt;
import org.casebridge.messages.v1.HandlingMarking;
import org.casebridge.schema.codec.EnvelopeHeader;
import org.casebridge.schema.codec.MessageCodec;
import org.casebridge.schema.crypto.Ed25519Keys;
import org.casebridge.schema.crypto.SigningKey;

/** The worked example of the partner guide: a delivery receipt from NL-NHTC to DE-BKA, signed with RFC 8032's test key. */
public final class WorkedExample {

    /** RFC 8032, section 7.1, TEST 1 secret key. Public knowledge: for examples only. */
    public static final String SEED_HEX = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

    private WorkedExample() {
    }

    public static SigningKey key() {
        return SigningKey.ofSeed(SampleMessages.hex(SEED_HEX));
    }

    public static EnvelopeHeader header() {
        UUID answered = UUID.fromString("11111111-1111-4111-8111-111111111111");
        return new EnvelopeHeader(UUID.fromString("00000000-0000-4000-8000-000000000001"), answered, answered,
                "NL-NHTC", "DE-BKA", Instant.parse("2026-03-02T09:15:30.250Z"), 1, HandlingMarking.GREEN);
    }

    public static DeliveryReceipt payload() {
        return DeliveryReceipt.newBuilder().setReceiptFor(UUID.fromString("11111111-1111-4111-8111-111111111111"))
                .setOutcome(DeliveryOutcome.APPLIED).setReasonCode(null).setReasonText(null).setRefusedPayloadType(null)
                .setProcessedAt(Instant.parse("2026-03-02T09:15:30Z")).build();
    }

    public static byte[] record() {
        return MessageCodec.create().encodeAndSign(header(), payload(), key());
    }

    public static String describe() {
        byte[] record = record();
        StringBuilder out = new StringBuilder();
        out.append("public key   ").append(SampleMessages.toHex(Ed25519Keys.rawPublicKey(key().publicKey()))).append('\n');
        out.append("key id       ").append(key().keyId()).append('\n');
        out.append("record (").append(record.length).append(" bytes)\n").append(grouped(record)).append('\n');
        out.append("signed bytes = first ").append(record.length - 66).append(" bytes\n");
        out.append("signature    ").append(SampleMessages.toHex(Arrays.copyOfRange(record, record.length - 64, record.length)));
        return out.toString();
    }

    private static String grouped(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.length; i += 16) {
            out.append(String.format("%04x  ", i));
            for (int j = i; j < Math.min(i + 16, bytes.length); j++) {
                out.append(String.format("%02x ", bytes[j]));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
