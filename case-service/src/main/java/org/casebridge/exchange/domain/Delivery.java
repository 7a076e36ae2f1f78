package org.casebridge.exchange.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * The delivery of one message to one partner, as the sender tracks it.
 *
 * @param messageId      the envelope's message id
 * @param recipient      the partner agency
 * @param type           the payload type's simple name, e.g. {@code CaseUpdated}
 * @param aggregateType  what the message is about
 * @param aggregateId    the id of what it is about
 * @param sequenceNumber its number in the (sender, recipient) sequence
 * @param status         pending, published, applied or refused
 * @param reasonCode     the partner's reason code when refused
 * @param reasonText     the partner's explanation when refused
 * @param createdAt      when the message was written
 * @param publishedAt    when it reached Kafka
 * @param answeredAt     when the receipt arrived
 */
public record Delivery(UUID messageId, String recipient, String type, String aggregateType, String aggregateId,
                       long sequenceNumber, DeliveryStatus status, String reasonCode, String reasonText,
                       Instant createdAt, Instant publishedAt, Instant answeredAt) {
}
