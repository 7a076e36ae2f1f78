package org.casebridge.infra.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casebridge.schema.KafkaTopics;
import org.casebridge.infra.KafkaCredentials;
import org.casebridge.infra.junit.NodeTestProperties;
import org.casebridge.infra.junit.SharedInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * After provisioning, the broker enforces the federation's rules: an agency reads only its own inbox, writes to
 * every inbox, and authenticates only with its own password.
 */
class KafkaAclIT {

    private static final String A = "DE-BKA";
    private static final String B = "NL-NHTC";
    private static final Duration ACL_PROPAGATION = Duration.ofSeconds(10);

    @Test
    void partnerWritesToAnInboxAndOnlyTheOwnerReadsIt() {
        String key = UUID.randomUUID().toString();
        String value = "request from " + B + " " + key;

        // B writes to A's inbox with an idempotent producer (the ACLs may take a moment to reach the authorizer).
        await().atMost(ACL_PROPAGATION).ignoreExceptions().untilAsserted(() -> {
            try (KafkaProducer<String, String> producer = producer(B)) {
                RecordMetadata sent = producer.send(new ProducerRecord<>(KafkaTopics.inbox(A), key, value)).get();
                assertThat(sent.topic()).isEqualTo(KafkaTopics.inbox(A));
            }
        });

        // A reads its own inbox in a consumer group prefixed with its code.
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(A, A + ".acl-it-" + key)) {
            consumer.subscribe(Set.of(KafkaTopics.inbox(A)));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.stream().anyMatch(record -> key.equals(record.key()));
            });
        }
        assertThat(received).filteredOn(record -> key.equals(record.key()))
                .singleElement().extracting(ConsumerRecord::value).isEqualTo(value);
    }

    @Test
    void partnerCannotReadAnotherAgencysInbox() {
        try (KafkaConsumer<String, String> consumer = consumer(B, B + ".acl-it-snoop")) {
            consumer.assign(List.of(new TopicPartition(KafkaTopics.inbox(A), 0)));
            consumer.seekToBeginning(consumer.assignment());
            assertThat(pollUntilFailure(consumer))
                    .isInstanceOf(TopicAuthorizationException.class)
                    .hasMessageContaining(KafkaTopics.inbox(A));
        }
    }

    @Test
    void agencyCannotUseAConsumerGroupOutsideItsPrefix() {
        try (KafkaConsumer<String, String> consumer = consumer(A, "someone-elses-group")) {
            consumer.subscribe(Set.of(KafkaTopics.inbox(A)));
            assertThat(pollUntilFailure(consumer)).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void partnerCannotWriteToAnotherAgencysEventsTopic() {
        try (KafkaProducer<String, String> producer = producer(B)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(KafkaTopics.events(A), "k", "forged")).get())
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void wrongPasswordFailsToAuthenticate() {
        Map<String, Object> properties = new HashMap<>(SharedInfrastructure.get().kafka()
                .clientProperties(new KafkaCredentials(A, "not-the-password")));
        properties.put("default.api.timeout.ms", "10000");
        properties.put("request.timeout.ms", "5000");
        try (Admin admin = Admin.create(properties)) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get())
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    /** Polls until the consumer fails (a slow machine may need several polls to get that far) and returns the failure. */
    private static RuntimeException pollUntilFailure(KafkaConsumer<String, String> consumer) {
        RuntimeException[] failure = new RuntimeException[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try {
                consumer.poll(Duration.ofMillis(500));
                return false;
            } catch (RuntimeException e) {
                failure[0] = e;
                return true;
            }
        });
        return failure[0];
    }

    private static KafkaProducer<String, String> producer(String agency) {
        Map<String, Object> config = new HashMap<>(NodeTestProperties.kafkaClientProperties(agency));
        config.put("key.serializer", StringSerializer.class.getName());
        config.put("value.serializer", StringSerializer.class.getName());
        config.put("acks", "all");
        config.put("enable.idempotence", "true");
        config.put("max.block.ms", "10000");
        config.put("delivery.timeout.ms", "10000");
        config.put("request.timeout.ms", "5000");
        return new KafkaProducer<>(config);
    }

    private static KafkaConsumer<String, String> consumer(String agency, String groupId) {
        Map<String, Object> config = new HashMap<>(NodeTestProperties.kafkaClientProperties(agency));
        config.put("key.deserializer", StringDeserializer.class.getName());
        config.put("value.deserializer", StringDeserializer.class.getName());
        config.put("group.id", groupId);
        config.put("auto.offset.reset", "earliest");
        config.put("enable.auto.commit", "false");
        return new KafkaConsumer<>(config);
    }
}
