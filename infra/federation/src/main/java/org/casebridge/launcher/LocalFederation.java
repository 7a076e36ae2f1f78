package org.casebridge.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.casebridge.directory.DirectoryLoader;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.infra.DatabaseCoordinates;
import org.casebridge.infra.LocalInfrastructure;
import org.casebridge.infra.demo.DemoFederation;
import org.casebridge.infra.provisioning.ProvisioningReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local federation: real PostgreSQL and Kafka, provisioned for the whole partner directory, and a case-service and
 * notification-service per demo agency, each in its own JVM.
 *
 * <p>{@link #close()} stops every process and server it started, in reverse order.
 */
public final class LocalFederation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalFederation.class);

    private final FederationSettings settings;
    private final List<ServiceProcess> processes = new ArrayList<>();
    private LocalInfrastructure infrastructure;
    private DemoMailbox mailbox;
    /** Lets each notification-service read its case-service's user directory; new at every start. */
    private final String serviceToken = newServiceToken();
    private List<FederationNode> nodes = List.of();
    private Duration infrastructureStartTime = Duration.ZERO;
    private Duration startTime = Duration.ZERO;

    private LocalFederation(FederationSettings settings) {
        this.settings = settings;
    }

    /**
     * Starts everything and waits until every service reports healthy.
     *
     * @throws IllegalStateException if a port is taken, a service fails, or the services are not healthy in time;
     *                               whatever had started is stopped again
     */
    public static LocalFederation start(FederationSettings settings) {
        LocalFederation federation = new LocalFederation(settings);
        try {
            federation.startAll();
            return federation;
        } catch (RuntimeException | Error e) {
            federation.close();
            throw e;
        } catch (Exception e) {
            federation.close();
            throw new IllegalStateException("the local federation did not start: " + e.getMessage(), e);
        }
    }

    private void startAll() throws Exception {
        Instant started = Instant.now();
        PartnerDirectory directory = new DirectoryLoader().loadDefault();
        nodes = plan(directory);
        requireFreePorts(nodes);

        infrastructure = LocalInfrastructure.start(LocalInfrastructure.settingsFromEnvironment());
        infrastructureStartTime = Duration.between(started, Instant.now());
        LOG.info("Infrastructure ready in {} ms: {}; {}", infrastructureStartTime.toMillis(),
                infrastructure.postgres().description(), infrastructure.kafka().description());

        ProvisioningReport report = DemoFederation.provision(infrastructure.kafka(), directory);
        LOG.info("Kafka provisioned for {} agencies: {}", directory.agencies().size(), report);

        mailbox = DemoMailbox.start(settings.mailboxPort());
        LOG.info("Demo mailbox at {} (SMTP on port {})", mailbox.url(), mailbox.smtpPort());

        Files.createDirectories(settings.workDirectory());
        for (FederationNode node : nodes) {
            processes.add(startService(node, "case-service", node.casePort(), settings.caseServiceJar()));
            processes.add(startService(node, "notification-service", node.notificationPort(),
                    settings.notificationServiceJar()));
        }
        Instant deadline = Instant.now().plus(settings.startTimeout());
        for (ServiceProcess process : processes) {
            process.awaitHealthy(deadline);
        }
        startTime = Duration.between(started, Instant.now());
        if (settings.demoPassword() != null) {
            DemoData demo = new DemoData(nodes, settings.demoPassword());
            demo.registerWebhooks(mailbox);
            demo.load();
        }
    }

    private List<FederationNode> plan(PartnerDirectory directory) {
        List<FederationNode> planned = new ArrayList<>();
        for (int i = 0; i < settings.agencies().size(); i++) {
            String code = settings.agencies().get(i);
            planned.add(new FederationNode(code, directory.require(code).name(),
                    settings.firstCasePort() + i, settings.firstNotificationPort() + i));
        }
        return List.copyOf(planned);
    }

    private ServiceProcess startService(FederationNode node, String service, int port, Path jar) throws IOException {
        String database = node.databaseName(service.equals("case-service") ? "cases" : "notifications");
        DatabaseCoordinates db = infrastructure.postgres().createDatabase(database);
        Map<String, String> config = new LinkedHashMap<>(
                DemoFederation.nodeProperties(infrastructure, node.agencyCode(), db));
        config.put("micronaut.server.port", Integer.toString(port));
        config.put("casebridge.case-service.url", node.caseServiceUrl());
        config.put("casebridge.notification-service.url", node.notificationServiceUrl());
        config.put("casebridge.security.service-token", serviceToken);
        if (service.equals("notification-service")) {
            config.put("javamail.properties.mail.smtp.host", "127.0.0.1");
            config.put("javamail.properties.mail.smtp.port", Integer.toString(mailbox.smtpPort()));
            config.put("casebridge.notifications.email.from",
                    "casebridge@" + node.agencyCode().toLowerCase(java.util.Locale.ROOT) + ".casebridge.test");
        }
        if (settings.demoPassword() != null) {
            config.put("casebridge.demo.password", settings.demoPassword());
        }
        config.putAll(settings.extraProperties());

        String name = node.agencyCode() + " " + service;
        Path nodeDirectory = settings.workDirectory().resolve(node.agencyCode());
        Path configFile = nodeDirectory.resolve(service + ".properties");
        writeProperties(configFile, config);
        // Environments are chosen before configuration files are read, so this one goes on the command line.
        List<String> jvmOptions = new ArrayList<>(settings.serviceJvmOptions());
        jvmOptions.add("-Dmicronaut.environments=demo");
        ServiceProcess process = ServiceProcess.start(name, jar, configFile,
                nodeDirectory.resolve(service + ".log"), port, jvmOptions);
        LOG.info("Started {} on port {} (log {})", name, port, process.logFile());
        return process;
    }

    private static String newServiceToken() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private static void writeProperties(Path file, Map<String, String> values) throws IOException {
        Files.createDirectories(file.getParent());
        Properties properties = new Properties();
        properties.putAll(values);
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "Written by the local federation launcher at each start; edits are overwritten.");
        }
    }

    private static void requireFreePorts(List<FederationNode> nodes) {
        for (FederationNode node : nodes) {
            for (int port : new int[] {node.casePort(), node.notificationPort()}) {
                try (ServerSocket socket = new ServerSocket(port)) {
                    socket.setReuseAddress(true);
                } catch (IOException e) {
                    throw new IllegalStateException("port " + port + " for " + node.agencyCode()
                            + " is already in use; stop what holds it or choose other ports (--case-port, --notification-port)");
                }
            }
        }
    }

    public List<FederationNode> nodes() {
        return nodes;
    }

    /** From the start call until every service was healthy. */
    public Duration startTime() {
        return startTime;
    }

    /** From the start call until PostgreSQL and Kafka were ready. */
    public Duration infrastructureStartTime() {
        return infrastructureStartTime;
    }

    /** The page listing the mails the notification-services sent. */
    public String mailboxUrl() {
        return mailbox == null ? null : mailbox.url();
    }

    /** Where each service writes its log. */
    public Map<String, Path> logFiles() {
        Map<String, Path> logs = new LinkedHashMap<>();
        processes.forEach(process -> logs.put(process.name(), process.logFile()));
        return logs;
    }

    /** Process ids of the running services, for checks that nothing is left behind. */
    List<Long> servicePids() {
        return processes.stream().map(ServiceProcess::pid).toList();
    }

    @Override
    public void close() {
        List<CompletableFuture<Void>> stopping = processes.stream()
                .map(process -> CompletableFuture.runAsync(process::close))
                .toList();
        stopping.forEach(CompletableFuture::join);
        processes.clear();
        if (mailbox != null) {
            mailbox.close();
            mailbox = null;
        }
        if (infrastructure != null) {
            try {
                infrastructure.close();
            } catch (RuntimeException e) {
                LOG.warn("Infrastructure did not stop cleanly: {}", e.getMessage());
            }
            infrastructure = null;
        }
    }

}
