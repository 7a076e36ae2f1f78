package org.casebridge.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded servers are real: PostgreSQL 17 answers SQL, the broker stores and serves records. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedInfrastructureIT {

    private LocalInfrastructure infrastructure;

    @BeforeAll
    void start() {
        infrastructure = LocalInfrastructure.start(InfraSettings.embedded());
    }

    @AfterAll
    void stop() {
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    void postgresIsVersion17AndCreatesDatabasesIdempotently() throws Exception {
        DatabaseCoordinates first = infrastructure.postgres().createDatabase("infra_it_cases");
        DatabaseCoordinates again = infrastructure.postgres().createDatabase("infra_it_cases");
        assertThat(again).isEqualTo(first);
        assertThat(first.jdbcUrl()).endsWith("/infra_it_cases");

        try (Connection connection = DriverManager.getConnection(first.jdbcUrl(), first.username(), first.password());
             Statement statement = connection.createStatement()) {
            ResultSet version = statement.executeQuery("select version()");
            assertThat(version.next()).isTrue();
            assertThat(version.getString(1)).startsWith("PostgreSQL 17.");
            ResultSet database = statement.executeQuery("select current_database()");
            assertThat(database.next()).isTrue();
            assertThat(database.getString(1)).isEqualTo("infra_it_cases");
        }
    }

    @Test
    void refusesUnsafeDatabaseNames() {
        assertThatThrownBy(() -> infrastructure.postgres().createDatabase("x\"; drop database postgres; --"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void kafkaRoundTripAsAdmin() throws Exception {
        KafkaEndpoint kafka = infrastructure.kafka();
        Map<String, Object> admin = new HashMap<>(kafka.adminClientProperties());
        assertThat(admin).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic("infra-it.round-trip", 1, (short) 1))).all().get();
        }

        Map<String, Object> producerConfig = new HashMap<>(admin);
        producerConfig.put("key.serializer", StringSerializer.class.getName());
        producerConfig.put("value.serializer", StringSerializer.class.getName());
        producerConfig.put("acks", "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            producer.send(new ProducerRecord<>("infra-it.round-trip", "case-1", "hello")).get();
        }

        Map<String, Object> consumerConfig = new HashMap<>(admin);
        consumerConfig.put("key.deserializer", StringDeserializer.class.getName());
        consumerConfig.put("value.deserializer", StringDeserializer.class.getName());
        consumerConfig.put("group.id", "infra-it");
        consumerConfig.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.subscribe(Set.of("infra-it.round-trip"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }
        assertThat(received).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("case-1");
            assertThat(record.value()).isEqualTo("hello");
        });
    }

    @Test
    void closeRemovesTheTemporaryFiles(@org.junit.jupiter.api.io.TempDir Path parent) throws Exception {
        LocalInfrastructure own = LocalInfrastructure.start(
                new InfraSettings(InfraMode.EMBEDDED, java.util.Optional.empty(), java.util.Optional.empty(), parent));
        assertThat(own.startupTimes().totalMillis()).isPositive();
        try (var before = Files.list(parent)) {
            assertThat(before.count()).isEqualTo(1);
        }
        own.close();
        try (var after = Files.list(parent)) {
            assertThat(after.count()).isZero();
        }
    }
}
