package org.casebridge.infra.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.casebridge.infra.KafkaCredentials;
import org.casebridge.infra.KafkaEndpoint;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.kafka.KafkaContainer;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Kafka broker in a Testcontainers container ({@code apache/kafka}), secured like the embedded broker on the
 * listener the host sees: SASL_PLAINTEXT with SCRAM-SHA-512, {@code StandardAuthorizer},
 * {@code allow.everyone.if.no.acl.found=false}, {@code admin} as super user.
 *
 * <p>The container's internal listeners (broker to controller, port 9093 and 9094, not published to the host)
 * stay PLAINTEXT, so their principal {@code ANONYMOUS} is a super user too; only containers on the same Docker
 * network could reach them. The admin's SCRAM credential is created after start with the image's
 * {@code kafka-configs.sh} over the internal listener.
 */
public final class ContainerKafka implements KafkaEndpoint, AutoCloseable {

    /** Same Kafka version as the clients and the embedded broker. */
    public static final String IMAGE = "apache/kafka:3.9.1";

    private final KafkaContainer container;
    private final KafkaCredentials admin;

    private ContainerKafka(KafkaContainer container, KafkaCredentials admin) {
        this.container = container;
        this.admin = admin;
    }

    /** Pulls the image if needed, starts the broker and creates the admin principal. */
    public static ContainerKafka start() {
        KafkaCredentials admin = new KafkaCredentials(EmbeddedKafkaBroker.ADMIN_USER, randomPassword());
        KafkaContainer container = new KafkaContainer(IMAGE)
                // The image maps KAFKA_A_B to a.b, __ to _ and ___ to -.
                .withEnv("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "BROKER:PLAINTEXT,PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT")
                .withEnv("KAFKA_SASL_ENABLED_MECHANISMS", EmbeddedKafkaBroker.SASL_MECHANISM)
                .withEnv("KAFKA_LISTENER_NAME_PLAINTEXT_SASL_ENABLED_MECHANISMS", EmbeddedKafkaBroker.SASL_MECHANISM)
                .withEnv("KAFKA_LISTENER_NAME_PLAINTEXT_SCRAM___SHA___512_SASL_JAAS_CONFIG",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;")
                .withEnv("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .withEnv("KAFKA_SUPER_USERS", "User:" + admin.username() + ";User:ANONYMOUS")
                .withEnv("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        container.start();
        try {
            createAdmin(container, admin);
            ContainerKafka kafka = new ContainerKafka(container, admin);
            kafka.awaitAdminLogin(Duration.ofSeconds(30));
            return kafka;
        } catch (RuntimeException e) {
            container.stop();
            throw e;
        }
    }

    private static void createAdmin(KafkaContainer container, KafkaCredentials admin) {
        try {
            ExecResult result = container.execInContainer("/opt/kafka/bin/kafka-configs.sh",
                    "--bootstrap-server", "localhost:9093", "--alter",
                    "--add-config", "SCRAM-SHA-512=[password=" + admin.password() + "]",
                    "--entity-type", "users", "--entity-name", admin.username());
            if (result.getExitCode() != 0) {
                throw new IllegalStateException("creating the Kafka admin principal failed: " + result.getStderr());
            }
        } catch (IOException e) {
            throw new IllegalStateException("creating the Kafka admin principal failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the Kafka admin principal", e);
        }
    }

    private void awaitAdminLogin(Duration timeout) {
        Map<String, Object> properties = new HashMap<>(adminClientProperties());
        properties.put("default.api.timeout.ms", "5000");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Admin client = Admin.create(properties)) {
                client.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the Kafka container does not accept the admin: " + e, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the Kafka container", e);
            }
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public KafkaCredentials admin() {
        return admin;
    }

    @Override
    public Map<String, String> clientProperties(KafkaCredentials principal) {
        return SaslClientProperties.of(bootstrapServers(), EmbeddedKafkaBroker.SECURITY_PROTOCOL,
                EmbeddedKafkaBroker.SASL_MECHANISM, principal, Map.of());
    }

    @Override
    public String description() {
        return "Kafka container " + IMAGE + " (SASL_PLAINTEXT/SCRAM-SHA-512, ACLs) on " + bootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
