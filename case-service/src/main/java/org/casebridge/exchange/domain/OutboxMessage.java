package org.casebridge.exchange.domain;

import java.util.Map;
import java.util.UUID;

/**
 * A Kafka record waiting in the transactional outbox.
 *
 * @param id            the outbox row id; for a message to a partner, the envelope's message id
 * @param position      order of insertion; the relay publishes in this order
 * @param aggregateType what the record is about ({@code case}, {@code evidence-request}, ...)
 * @param aggregateId   the aggregate's id, also the Kafka record key
 * @param type          payload type (Avro full name) or domain event type
 * @param topic         where it goes
 * @param recipient     the partner agency, or null for the node's own topics
 * @param headers       Kafka headers to set
 * @param payload       the record value, ready to send
 */
public record OutboxMessage(UUID id, long position, String aggregateType, String aggregateId, String type,
                            String topic, String recipient, Map<String, String> headers, byte[] payload) {
}
