package org.casebridge.schema.codec;

import java.nio.ByteBuffer;
import java.security.PublicKey;
import java.util.List;
import java.util.Objects;

import org.apache.avro.specific.SpecificRecord;
import org.casebridge.messages.v1.Envelope;
import org.casebridge.schema.MessageType;
import org.casebridge.schema.SchemaCatalogue;
import org.casebridge.schema.SchemaVersion;
import org.casebridge.schema.crypto.Ed25519Keys;
import org.casebridge.schema.crypto.Ed25519Signatures;
import org.casebridge.schema.crypto.SigningKey;

/**
 * Encodes and signs federation messages, and verifies and decodes them: the value of every record on a
 * {@code casebridge.inbox.<AGENCY-CODE>} topic.
 *
 * <p><b>Wire format.</b> A record is an {@link Envelope} in Avro single-object encoding ({@code C3 01}, the 8-byte
 * little-endian schema fingerprint, the binary body). The envelope's {@code payload} is the payload record, also in
 * single-object encoding. The envelope's last field is the Ed25519 signature; the <em>signed bytes</em> are every
 * byte of the record before that field, i.e. the record without its last {@code 2 + 64} bytes (the length prefix
 * {@code 80 01} of the 64-byte signature, and the signature). The signature thus covers the envelope's schema
 * fingerprint, every other envelope field, and the payload with its own fingerprint.
 *
 * <p><b>Checks on receipt</b>, in this order, each with its own {@link RejectionReason}: size limit, single-object
 * header, envelope fingerprint, envelope body, sender known, signer key is the sender's, signature, recipient is this
 * node, payload type known, payload header, payload fingerprint known and of that type, payload body.
 *
 * <p>Decoding never allocates more than the record's size for any string, byte array or collection, whatever
 * lengths the input claims, and JVM-wide Avro limits are not needed for that.
 *
 * <p>Immutable and thread-safe; build one per node and share it.
 */
public final class MessageCodec {

    /** Default largest record accepted, in bytes (1 MiB, Kafka's default maximum message size). */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

    // Avro encodes the 64-byte signature as the length 64 (zig-zag varint 80 01) followed by the bytes.
    private static final int SIGNATURE_FIELD_LENGTH = 2 + Ed25519Signatures.SIGNATURE_LENGTH;
    private static final ByteBuffer SIGNATURE_PLACEHOLDER = ByteBuffer.wrap(new byte[Ed25519Signatures.SIGNATURE_LENGTH]);

    private final SingleObjectCodec singleObject;
    private final int maxRecordBytes;

    private MessageCodec(SchemaCatalogue catalogue, int maxRecordBytes) {
        this.singleObject = new SingleObjectCodec(Objects.requireNonNull(catalogue, "catalogue"));
        this.maxRecordBytes = maxRecordBytes;
    }

    /** A codec for the standard catalogue, with the default size limit. */
    public static MessageCodec create() {
        return new MessageCodec(SchemaCatalogue.standard(), DEFAULT_MAX_RECORD_BYTES);
    }

    /** A codec for a catalogue, with the default size limit. */
    public static MessageCodec create(SchemaCatalogue catalogue) {
        return new MessageCodec(catalogue, DEFAULT_MAX_RECORD_BYTES);
    }

    /** The same codec with another limit on the size of a record it decodes. */
    public MessageCodec withMaxRecordBytes(int maxRecordBytes) {
        if (maxRecordBytes < SingleObjectCodec.HEADER_LENGTH) {
            throw new IllegalArgumentException("limit too small: " + maxRecordBytes);
        }
        return new MessageCodec(singleObject.catalogue(), maxRecordBytes);
    }

    /** The catalogue this codec knows. */
    public SchemaCatalogue catalogue() {
        return singleObject.catalogue();
    }

    /** The largest record this codec decodes, in bytes. */
    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    /**
     * Builds the envelope for a payload, signs it and returns the Kafka record value.
     *
     * @param header  the sender's envelope fields
     * @param payload a payload of one of the catalogue's payload types
     * @param signer  the sender's signing key; its public key must be in the partner directory under the sender
     * @throws IllegalArgumentException if the payload is not a catalogued payload type
     */
    public byte[] encodeAndSign(EnvelopeHeader header, SpecificRecord payload, SigningKey signer) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(signer, "signer");
        MessageType type = catalogue().type(Objects.requireNonNull(payload, "payload").getClass())
                .filter(t -> t.kind() == MessageType.Kind.PAYLOAD)
                .orElseThrow(() -> new IllegalArgumentException(payload.getClass().getName() + " is not a payload type"));
        Envelope envelope = Envelope.newBuilder()
                .setMessageId(header.messageId())
                .setCorrelationId(header.correlationId())
                .setCausationId(header.causationId())
                .setSenderAgency(header.senderAgency())
                .setRecipientAgency(header.recipientAgency())
                .setSentAt(header.sentAt())
                .setSequenceNumber(header.sequenceNumber())
                .setHandlingMarking(header.handlingMarking())
                .setPayloadType(type.name())
                .setPayload(ByteBuffer.wrap(singleObject.encode(payload)))
                .setSignerKeyId(signer.keyId())
                .setSignature(SIGNATURE_PLACEHOLDER.duplicate())
                .build();
        return signEnvelope(envelope, signer);
    }

    /**
     * Encodes an envelope as it is, except for its signature, and signs it. Package-private: tests use it to build
     * envelopes a correct sender would never write.
     */
    byte[] signEnvelope(Envelope envelope, SigningKey signer) {
        envelope.setSignature(SIGNATURE_PLACEHOLDER.duplicate());
        byte[] record = singleObject.encode(envelope);
        int signedLength = record.length - SIGNATURE_FIELD_LENGTH;
        byte[] signature = Ed25519Signatures.sign(signer, record, 0, signedLength);
        System.arraycopy(signature, 0, record, signedLength + 2, signature.length);
        return record;
    }

    /**
     * Verifies a record and decodes its payload.
     *
     * @param record     the Kafka record value
     * @param thisAgency the agency code of the receiving node
     * @param keys       the partner directory's keys
     * @throws MessageRejectedException with the first check that failed
     */
    public VerifiedMessage verifyAndDecode(byte[] record, String thisAgency, SenderKeys keys) {
        Objects.requireNonNull(thisAgency, "thisAgency");
        Objects.requireNonNull(keys, "keys");
        if (record == null) {
            throw new MessageRejectedException(RejectionReason.TRUNCATED, "no record value");
        }
        if (record.length > maxRecordBytes) {
            throw new MessageRejectedException(RejectionReason.TOO_LARGE,
                    "record has " + record.length + " bytes, the limit is " + maxRecordBytes);
        }
        Envelope envelope = decodeEnvelope(record);

        List<PublicKey> senderKeys = keys.keysOf(envelope.getSenderAgency());
        if (senderKeys == null || senderKeys.isEmpty()) {
            throw rejected(RejectionReason.UNKNOWN_SENDER, "no key for sender " + envelope.getSenderAgency(), envelope, false);
        }
        PublicKey signerKey = senderKeys.stream()
                .filter(k -> Ed25519Keys.keyId(k).equals(envelope.getSignerKeyId()))
                .findFirst()
                .orElseThrow(() -> rejected(RejectionReason.SENDER_NOT_KEY_OWNER, "key " + envelope.getSignerKeyId()
                        + " is not a key of " + envelope.getSenderAgency(), envelope, false));
        byte[] signature = toArray(envelope.getSignature());
        int signedLength = record.length - varintLength(signature.length) - signature.length;
        if (signature.length != Ed25519Signatures.SIGNATURE_LENGTH
                || !Ed25519Signatures.verify(signerKey, signature, record, 0, signedLength)) {
            throw rejected(RejectionReason.SIGNATURE_INVALID, "signature of " + envelope.getSenderAgency()
                    + " does not verify", envelope, false);
        }

        if (!thisAgency.equals(envelope.getRecipientAgency())) {
            throw rejected(RejectionReason.WRONG_RECIPIENT, "addressed to " + envelope.getRecipientAgency()
                    + ", this is " + thisAgency, envelope, true);
        }
        MessageType type = payloadType(envelope);
        return new VerifiedMessage(envelope, type, decodePayload(envelope));
    }

    private Envelope decodeEnvelope(byte[] record) {
        SchemaVersion writer = singleObject.writerVersion(record, 0, record.length, "record");
        if (!writer.typeName().equals(catalogue().envelope().name())) {
            throw new MessageRejectedException(RejectionReason.MALFORMED,
                    "record is a " + writer.typeName() + ", not an envelope");
        }
        try {
            return (Envelope) singleObject.decodeBody(record, 0, record.length, writer);
        } catch (SingleObjectCodec.BodyException e) {
            throw new MessageRejectedException(e.reason, "envelope: " + e.getMessage(), null, false, e);
        }
    }

    private MessageType payloadType(Envelope envelope) {
        return catalogue().type(envelope.getPayloadType())
                .filter(t -> t.kind() == MessageType.Kind.PAYLOAD)
                .orElseThrow(() -> rejected(RejectionReason.UNKNOWN_PAYLOAD_TYPE,
                        "payload type " + envelope.getPayloadType() + " is not known to this version", envelope, true));
    }

    private SpecificRecord decodePayload(Envelope envelope) {
        byte[] payload = toArray(envelope.getPayload());
        SchemaVersion writer;
        try {
            writer = singleObject.writerVersion(payload, 0, payload.length, "payload");
        } catch (MessageRejectedException e) {
            throw rejected(e.reason(), e.getMessage(), envelope, true);
        }
        if (!writer.typeName().equals(envelope.getPayloadType())) {
            throw rejected(RejectionReason.PAYLOAD_TYPE_MISMATCH, "payload type says " + envelope.getPayloadType()
                    + ", the payload is a " + writer.typeName(), envelope, true);
        }
        try {
            return singleObject.decodeBody(payload, 0, payload.length, writer);
        } catch (SingleObjectCodec.BodyException e) {
            throw new MessageRejectedException(e.reason, "payload: " + e.getMessage(), envelope, true, e);
        }
    }

    private static MessageRejectedException rejected(RejectionReason reason, String detail, Envelope envelope,
                                                     boolean authenticated) {
        return new MessageRejectedException(reason, detail, envelope, authenticated, null);
    }

    private static byte[] toArray(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    private static int varintLength(long length) {
        long zigZag = length << 1;
        int bytes = 1;
        while ((zigZag & ~0x7FL) != 0) {
            zigZag >>>= 7;
            bytes++;
        }
        return bytes;
    }
}
