package org.casebridge.schema;

/**
 * Kafka record headers of the contract. They are conveniences for routing, monitoring and dead-letter triage: they
 * are not signed, so a receiver never bases a decision on them; the signed envelope is the only truth.
 */
public final class KafkaHeaders {

    /** Message id of the envelope, as UUID text. Set by senders on inbox records. */
    public static final String MESSAGE_ID = "casebridge-message-id";

    /** The envelope's payload type (full Avro name). Set by senders on inbox records. */
    public static final String PAYLOAD_TYPE = "casebridge-payload-type";

    /** Agency code of the sender. Set by senders on inbox records. */
    public static final String SENDER = "casebridge-sender";

    /** On a dead-letter record: the reason code (a {@code ReceiptReasonCode} name). */
    public static final String DLT_REASON = "casebridge-dlt-reason";

    /** On a dead-letter record: a human-readable explanation. */
    public static final String DLT_DETAIL = "casebridge-dlt-detail";

    /** On a dead-letter record: the topic the record was read from. */
    public static final String DLT_ORIGINAL_TOPIC = "casebridge-dlt-original-topic";

    /** On a dead-letter record: the partition and offset it was read from, as {@code partition:offset}. */
    public static final String DLT_ORIGINAL_POSITION = "casebridge-dlt-original-position";

    private KafkaHeaders() {
    }
}
