package org.casebridge.schema.codec;

import org.casebridge.messages.v1.ReceiptReasonCode;

/**
 * Why the codec refused a record. Each reason has the same name as a {@link ReceiptReasonCode}, so a node answers a
 * refused message with a {@code DeliveryReceipt} carrying {@link #receiptCode()}.
 *
 * <p>{@link MessageCodec} documents the order of its checks; the first that fails names the reason. TRUNCATED,
 * BAD_MAGIC, UNKNOWN_SCHEMA_FINGERPRINT and MALFORMED can concern the envelope or, after the signature check, the
 * payload; the exception's message says which.
 */
public enum RejectionReason {
    /** The record is larger than the codec's size limit; nothing was decoded. */
    TOO_LARGE,
    /** The record (or the payload) ends before its header or one of its fields is complete. */
    TRUNCATED,
    /** The record (or the payload) does not start with the single-object marker {@code C3 01}. */
    BAD_MAGIC,
    /** No known version of the envelope (or of the payload type) has the fingerprint the record names. */
    UNKNOWN_SCHEMA_FINGERPRINT,
    /** The bytes are not valid for their schema: bad varint, negative length, bad enum or union index, bad UUID, bytes left over, or not an envelope at all. */
    MALFORMED,
    /** The partner directory has no key for the sender agency. */
    UNKNOWN_SENDER,
    /** The key the envelope names as signer is not one of the sender agency's keys. */
    SENDER_NOT_KEY_OWNER,
    /** The signature does not verify with the sender's key (or is not 64 bytes). */
    SIGNATURE_INVALID,
    /** The message is addressed to another agency. */
    WRONG_RECIPIENT,
    /** The payload type is not one this version knows, e.g. a type added by a newer release. */
    UNKNOWN_PAYLOAD_TYPE,
    /** The payload's fingerprint belongs to a different type than the envelope's payload type names. */
    PAYLOAD_TYPE_MISMATCH;

    /** The receipt reason code with the same name. */
    public ReceiptReasonCode receiptCode() {
        return ReceiptReasonCode.valueOf(name());
    }
}
