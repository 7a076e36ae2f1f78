package org.casebridge.exchange.app;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.casebridge.directory.HandlingMarking;
import org.casebridge.schema.KafkaTopics;
import org.casebridge.exchange.persistence.DeliveryStore;
import org.casebridge.exchange.persistence.OutboxStore;
import org.casebridge.exchange.persistence.SequenceStore;
import org.casebridge.schema.KafkaHeaders;
import org.casebridge.schema.codec.EnvelopeHeader;
import org.casebridge.schema.codec.MessageCodec;
import org.casebridge.schema.crypto.SigningKey;
import org.casebridge.support.agency.AgencyConfiguration;

/**
 * Sends signed messages to partner agencies through the transactional outbox: a message is written in the same
 * transaction as the change that causes it, and the relay publishes it after commit.
 */
@Singleton
public class PartnerMessenger {

    private final MessageCodec codec;
    private final SigningKey signingKey;
    private final OutboxStore outbox;
    private final DeliveryStore deliveries;
    private final SequenceStore sequences;
    private final AgencyConfiguration agency;
    private final Clock clock;

    public PartnerMessenger(MessageCodec codec, SigningKey signingKey, OutboxStore outbox, DeliveryStore deliveries,
                            SequenceStore sequences, AgencyConfiguration agency, Clock clock) {
        this.codec = codec;
        this.signingKey = signingKey;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.sequences = sequences;
        this.agency = agency;
        this.clock = clock;
    }

    /**
     * Writes a message to a partner into the outbox, with its delivery tracked as pending.
     *
     * @param recipient     the partner agency
     * @param aggregateType what the message is about, e.g. {@code case}
     * @param aggregateId   the id of what it is about; the Kafka key
     * @param marking       the payload's handling marking
     * @param payload       the payload
     * @param correlationId the conversation, or null to start one with this message
     * @param causationId   the message that caused this one, or null
     * @return the message id
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public UUID send(String recipient, String aggregateType, UUID aggregateId, HandlingMarking marking,
                     SpecificRecord payload, UUID correlationId, UUID causationId) {
        return write(recipient, aggregateType, aggregateId.toString(), marking, payload, correlationId, causationId,
                true);
    }

    /**
     * Writes a delivery receipt. Receipts are not tracked and never answered, so two nodes cannot loop on them.
     *
     * @param aggregateKey the Kafka key of the message answered, so the receipt keeps its order
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public UUID sendReceipt(String recipient, String aggregateKey, SpecificRecord receipt, UUID correlationId,
                            UUID causationId) {
        return write(recipient, "receipt", aggregateKey, HandlingMarking.GREEN, receipt, correlationId, causationId,
                false);
    }

    /**
     * Takes now the lock that writing a message to {@code recipient} takes, for a transaction about to lock its own
     * rows and then write: the inbox answers a partner (this lock) before its handler locks rows, and transactions
     * that take the two the other way round could deadlock with it.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void lockChannel(String recipient) {
        sequences.lockOutbound(recipient);
    }

    private UUID write(String recipient, String aggregateType, String aggregateId, HandlingMarking marking,
                       SpecificRecord payload, UUID correlationId, UUID causationId, boolean trackDelivery) {
        UUID messageId = UUID.randomUUID();
        long sequence = sequences.nextOutbound(recipient);
        EnvelopeHeader header = new EnvelopeHeader(messageId, correlationId != null ? correlationId : messageId,
                causationId, agency.getCode(), recipient, clock.instant(), sequence,
                org.casebridge.messages.v1.HandlingMarking.valueOf(marking.name()));
        byte[] record = codec.encodeAndSign(header, payload, signingKey);
        String type = payload.getSchema().getFullName();
        outbox.append(messageId, aggregateType, aggregateId, type, KafkaTopics.inbox(recipient), recipient,
                // Unsigned conveniences: they let a receiver answer even a record it cannot decode.
                Map.of(KafkaHeaders.SENDER, agency.getCode(), KafkaHeaders.MESSAGE_ID, messageId.toString(),
                        KafkaHeaders.PAYLOAD_TYPE, type),
                record);
        if (trackDelivery) {
            deliveries.recordPending(messageId, recipient, payload.getSchema().getName(), aggregateType, aggregateId,
                    sequence);
        }
        return messageId;
    }
}
