package org.casebridge.notifications.events.messaging;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.casebridge.schema.KafkaHeaders;
import org.casebridge.schema.KafkaTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records that can never be applied to {@code <topic>.dlt}, with the reason in the contract's headers. The
 * send is awaited, so the record's offset is committed only once its dead letter is stored.
 */
@Singleton
public class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final Producer<String, byte[]> producer;

    public DeadLetters(@KafkaClient("dead-letter") Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    void send(ConsumerRecord<String, byte[]> record, String reasonCode, String detail) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(KafkaTopics.deadLetter(record.topic()), null,
                record.key(), record.value() == null ? new byte[0] : record.value());
        for (Header header : record.headers()) {
            letter.headers().add(header);
        }
        letter.headers().add(KafkaHeaders.DLT_REASON, bytes(reasonCode));
        letter.headers().add(KafkaHeaders.DLT_DETAIL, bytes(detail == null ? "" : detail));
        letter.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, bytes(record.topic()));
        letter.headers().add(KafkaHeaders.DLT_ORIGINAL_POSITION, bytes(record.partition() + ":" + record.offset()));
        try {
            producer.send(letter).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dead letter not stored: " + e.getMessage(), e);
        }
        LOG.warn("Dead-lettered {}:{}@{} ({}): {}", record.topic(), record.partition(), record.offset(), reasonCode,
                detail);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
