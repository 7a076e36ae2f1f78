package org.casebridge.schema.codec;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.casebridge.messages.v1.HandlingMarking;
import org.casebridge.schema.AgencyCodes;

/**
 * The envelope fields a sender chooses; the codec adds the payload type, the payload, the signer key id and the
 * signature.
 *
 * @param messageId       unique id of the message
 * @param correlationId   id shared by the messages of one conversation (for its first message, its own message id)
 * @param causationId     id of the message that caused this one, or null
 * @param senderAgency    agency code of the sender
 * @param recipientAgency agency code of the recipient
 * @param sentAt          when the message is sent, kept to the millisecond on the wire
 * @param sequenceNumber  1, 2, 3, ... per (sender, recipient) pair
 * @param handlingMarking the payload's handling marking
 */
public record EnvelopeHeader(UUID messageId, UUID correlationId, UUID causationId, String senderAgency,
                             String recipientAgency, Instant sentAt, long sequenceNumber,
                             HandlingMarking handlingMarking) {

    /**
     * @throws IllegalArgumentException for a malformed agency code or a sequence number below 1
     */
    public EnvelopeHeader {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(correlationId, "correlationId");
        AgencyCodes.requireValid(senderAgency);
        AgencyCodes.requireValid(recipientAgency);
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(handlingMarking, "handlingMarking");
        if (sequenceNumber < 1) {
            throw new IllegalArgumentException("sequence numbers start at 1, got " + sequenceNumber);
        }
    }
}
