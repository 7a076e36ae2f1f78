package org.casebridge.schema.codec;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.casebridge.messages.v1.Envelope;
import org.casebridge.messages.v1.HandlingMarking;
import org.casebridge.schema.MessageType;

/**
 * A message whose signature verified, addressed to this node, with its payload decoded into the current generated
 * class of its type.
 *
 * @param envelope the envelope (its payload field still holds the encoded payload)
 * @param type     the payload's type in the catalogue
 * @param payload  the decoded payload, an instance of {@code type.javaClass()}
 */
public record VerifiedMessage(Envelope envelope, MessageType type, SpecificRecord payload) {

    /** The message id. */
    public UUID messageId() {
        return envelope.getMessageId();
    }

    /** The correlation id. */
    public UUID correlationId() {
        return envelope.getCorrelationId();
    }

    /** The causation id, if any. */
    public Optional<UUID> causationId() {
        return Optional.ofNullable(envelope.getCausationId());
    }

    /** The sender agency, vouched for by the signature. */
    public String senderAgency() {
        return envelope.getSenderAgency();
    }

    /** The recipient agency (this node). */
    public String recipientAgency() {
        return envelope.getRecipientAgency();
    }

    /** When the sender sent the message. */
    public Instant sentAt() {
        return envelope.getSentAt();
    }

    /** The sequence number per (sender, recipient). */
    public long sequenceNumber() {
        return envelope.getSequenceNumber();
    }

    /** The handling marking. */
    public HandlingMarking handlingMarking() {
        return envelope.getHandlingMarking();
    }

    /** The payload type's full name, e.g. {@code org.casebridge.messages.v1.EvidenceRequestSent}. */
    public String payloadType() {
        return envelope.getPayloadType();
    }

    /**
     * The payload as the given class.
     *
     * @throws ClassCastException if the payload is of another type
     */
    public <T extends SpecificRecord> T payload(Class<T> payloadClass) {
        return payloadClass.cast(payload);
    }
}
