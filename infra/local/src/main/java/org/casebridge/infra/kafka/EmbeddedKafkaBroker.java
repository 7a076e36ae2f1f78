package org.casebridge.infra.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.casebridge.infra.KafkaCredentials;
import org.casebridge.infra.KafkaEndpoint;
import org.casebridge.infra.support.FreePorts;
import org.casebridge.infra.support.TempDirectories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) running inside this JVM, secured like a
 * production cluster: SASL_PLAINTEXT with SCRAM-SHA-512 for clients, PLAIN between the broker and its controller,
 * the {@code StandardAuthorizer} with {@code allow.everyone.if.no.acl.found=false} and {@code admin} as the only
 * super user. Listens on free ports of 127.0.0.1; its log directory is removed on {@link #close()}.
 *
 * <p>Started the way {@code kafka.Kafka} starts a server: a {@code server.properties}, a storage format (which also
 * creates the admin's SCRAM credential, since the broker needs it before any client can connect), then
 * {@link KafkaRaftServer}. The broker must be the same Kafka version as the clients on the classpath.
 */
public final class EmbeddedKafkaBroker implements KafkaEndpoint, AutoCloseable {

    /** The super user's name. */
    public static final String ADMIN_USER = "admin";
    /** Security protocol of the client listener. */
    public static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";
    /** SASL mechanism of the client listener. */
    public static final String SASL_MECHANISM = "SCRAM-SHA-512";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final Path workDirectory;
    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final KafkaCredentials admin;

    private EmbeddedKafkaBroker(Path workDirectory, KafkaRaftServer server, String bootstrapServers,
                                KafkaCredentials admin) {
        this.workDirectory = workDirectory;
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.admin = admin;
    }

    /**
     * Formats storage in a new directory under {@code parent} and starts the broker; returns once it accepts clients.
     */
    public static EmbeddedKafkaBroker start(Path parent) {
        Path workDirectory = TempDirectories.create(parent, "kafka-");
        try {
            KafkaCredentials admin = new KafkaCredentials(ADMIN_USER, randomPassword());
            int brokerPort = FreePorts.next();
            int controllerPort = FreePorts.next();
            Properties properties = serverProperties(workDirectory, brokerPort, controllerPort, admin);
            Path propertiesFile = workDirectory.resolve("server.properties");
            try (Writer out = Files.newBufferedWriter(propertiesFile, StandardCharsets.UTF_8)) {
                properties.store(out, "CaseBridge embedded KRaft broker");
            }
            format(propertiesFile, admin);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
            server.startup();
            String bootstrap = "127.0.0.1:" + brokerPort;
            LOG.debug("embedded Kafka broker listening on {}", bootstrap);
            return new EmbeddedKafkaBroker(workDirectory, server, bootstrap, admin);
        } catch (IOException | RuntimeException e) {
            TempDirectories.deleteQuietly(workDirectory);
            throw new IllegalStateException("embedded Kafka broker did not start: " + e.getMessage(), e);
        }
    }

    private static Properties serverProperties(Path workDirectory, int brokerPort, int controllerPort,
                                               KafkaCredentials admin) {
        String scramLogin = SaslClientProperties.jaasConfig(SASL_MECHANISM, admin);
        // PLAIN on the controller listener: the broker logs in as admin, and user_admin is the accepted password.
        String plainLogin = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" "
                + "password=\"" + admin.password() + "\" user_admin=\"" + admin.password() + "\";";
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "BROKER://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "BROKER://127.0.0.1:" + brokerPort);
        p.setProperty("listener.security.protocol.map", "BROKER:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "BROKER");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("sasl.enabled.mechanisms", SASL_MECHANISM);
        p.setProperty("sasl.mechanism.inter.broker.protocol", SASL_MECHANISM);
        p.setProperty("sasl.mechanism.controller.protocol", "PLAIN");
        p.setProperty("listener.name.broker.sasl.enabled.mechanisms", SASL_MECHANISM);
        p.setProperty("listener.name.broker.scram-sha-512.sasl.jaas.config", scramLogin);
        p.setProperty("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.setProperty("listener.name.controller.plain.sasl.jaas.config", plainLogin);
        p.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.setProperty("super.users", "User:" + ADMIN_USER);
        p.setProperty("allow.everyone.if.no.acl.found", "false");
        p.setProperty("log.dirs", workDirectory.resolve("logs").toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "5");
        // Topics come from provisioning, as on a real cluster.
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // Small and few: the broker shares its JVM with the services (the cleaner's default buffer is 128 MB of heap).
        p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "4");
        p.setProperty("background.threads", "4");
        return p;
    }

    private static void format(Path propertiesFile, KafkaCredentials admin) {
        String[] args = {
                "format",
                "-t", Uuid.randomUuid().toString(),
                "-c", propertiesFile.toString(),
                "--ignore-formatted",
                "--add-scram", "SCRAM-SHA-512=[name=" + admin.username() + ",password=" + admin.password() + "]"};
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(args, out);
        }
        if (status != 0) {
            throw new IllegalStateException("formatting Kafka storage failed (" + status + "): "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    // Hex only, so it needs no quoting in JAAS or in the --add-scram argument.
    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public KafkaCredentials admin() {
        return admin;
    }

    @Override
    public Map<String, String> clientProperties(KafkaCredentials principal) {
        return SaslClientProperties.of(bootstrapServers, SECURITY_PROTOCOL, SASL_MECHANISM, principal, Map.of());
    }

    @Override
    public String description() {
        return "embedded Kafka broker (KRaft, SASL_PLAINTEXT/SCRAM-SHA-512, ACLs) on " + bootstrapServers;
    }

    /** Stops the broker and removes its log directory. */
    @Override
    public void close() {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("embedded Kafka broker did not shut down cleanly: {}", e.toString());
        } finally {
            TempDirectories.deleteQuietly(workDirectory);
        }
    }
}
