package org.casebridge.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the local federation starts and where.
 *
 * @param agencies              agency codes of the nodes, in port order
 * @param firstCasePort         the first agency's case-service port; the others follow
 * @param firstNotificationPort the first agency's notification-service port; the others follow
 * @param workDirectory         where per-service configuration and logs go
 * @param caseServiceJar        the runnable case-service jar
 * @param notificationServiceJar the runnable notification-service jar
 * @param startTimeout          how long all services together may take to become healthy
 * @param serviceJvmOptions     options for each service JVM
 * @param extraProperties       configuration added to every service (tests use it)
 * @param demoPassword          password of the demo users, whose demo cases are entered once all nodes are
 *                              healthy; null for neither
 * @param mailboxPort           port of the demo mailbox page (the local SMTP server's received mails); 0 for a free one
 */
public record FederationSettings(List<String> agencies, int firstCasePort, int firstNotificationPort,
                                 Path workDirectory, Path caseServiceJar, Path notificationServiceJar,
                                 Duration startTimeout, List<String> serviceJvmOptions,
                                 Map<String, String> extraProperties, String demoPassword,
                                 int mailboxPort) {

    /** The demo agencies: Germany's BKA, the Dutch NHTC and France's OFAC. */
    public static final List<String> DEMO_AGENCIES = List.of("DE-BKA", "NL-NHTC", "FR-OFAC");

    /** Password of the demo users unless the run command is told another; printed at start, never used outside demo. */
    public static final String DEFAULT_DEMO_PASSWORD = "casebridge-demo";

    /** Port of the demo mailbox page unless the run command is told another. */
    public static final int DEFAULT_MAILBOX_PORT = 8025;

    /** Memory is capped so six services, PostgreSQL and Kafka share a laptop comfortably. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC");

    public FederationSettings {
        agencies = List.copyOf(agencies);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        extraProperties = Map.copyOf(extraProperties);
        if (agencies.isEmpty()) {
            throw new IllegalArgumentException("a federation needs at least one agency");
        }
    }

    /**
     * The defaults of the run command: the demo agencies on ports 8081+ and 8091+, jars found in the build output
     * below {@code projectDirectory}.
     */
    public static FederationSettings defaults(Path projectDirectory) {
        return new FederationSettings(DEMO_AGENCIES, 8081, 8091, projectDirectory.resolve(".federation"),
                findJar(projectDirectory.resolve("case-service/target"), "case-service-"),
                findJar(projectDirectory.resolve("notification-service/target"), "notification-service-"),
                Duration.ofMinutes(3), DEFAULT_JVM_OPTIONS, Map.of(), DEFAULT_DEMO_PASSWORD,
                DEFAULT_MAILBOX_PORT);
    }

    public FederationSettings withAgencies(List<String> codes) {
        return new FederationSettings(codes, firstCasePort, firstNotificationPort, workDirectory, caseServiceJar,
                notificationServiceJar, startTimeout, serviceJvmOptions, extraProperties, demoPassword, mailboxPort);
    }

    public FederationSettings withPorts(int casePort, int notificationPort) {
        return new FederationSettings(agencies, casePort, notificationPort, workDirectory, caseServiceJar,
                notificationServiceJar, startTimeout, serviceJvmOptions, extraProperties, demoPassword, mailboxPort);
    }

    public FederationSettings withWorkDirectory(Path directory) {
        return new FederationSettings(agencies, firstCasePort, firstNotificationPort, directory, caseServiceJar,
                notificationServiceJar, startTimeout, serviceJvmOptions, extraProperties, demoPassword, mailboxPort);
    }

    /** Runs the services from these jars (a load run copies them, so a build during the run cannot disturb it). */
    public FederationSettings withServiceJars(Path caseService, Path notificationService) {
        return new FederationSettings(agencies, firstCasePort, firstNotificationPort, workDirectory, caseService,
                notificationService, startTimeout, serviceJvmOptions, extraProperties, demoPassword, mailboxPort);
    }

    /** Replaces the JVM options of every service. */
    public FederationSettings withServiceJvmOptions(List<String> options) {
        return new FederationSettings(agencies, firstCasePort, firstNotificationPort, workDirectory, caseServiceJar,
                notificationServiceJar, startTimeout, options, extraProperties, demoPassword, mailboxPort);
    }

    /** Demo users with this password and demo cases; null for an empty federation. */
    public FederationSettings withDemoPassword(String password) {
        return new FederationSettings(agencies, firstCasePort, firstNotificationPort, workDirectory, caseServiceJar,
                notificationServiceJar, startTimeout, serviceJvmOptions, extraProperties, password, mailboxPort);
    }

    /** The demo mailbox page on this port (0 for a free one). */
    public FederationSettings withMailboxPort(int port) {
        return new FederationSettings(agencies, firstCasePort, firstNotificationPort, workDirectory, caseServiceJar,
                notificationServiceJar, startTimeout, serviceJvmOptions, extraProperties, demoPassword, port);
    }

    public FederationSettings withExtraProperties(Map<String, String> properties) {
        return new FederationSettings(agencies, firstCasePort, firstNotificationPort, workDirectory, caseServiceJar,
                notificationServiceJar, startTimeout, serviceJvmOptions, properties, demoPassword, mailboxPort);
    }

    /** The runnable ({@code -all}) jar a module's build wrote. */
    static Path findJar(Path targetDirectory, String prefix) {
        if (!Files.isDirectory(targetDirectory)) {
            throw new IllegalStateException("no build output in " + targetDirectory
                    + ": build the project first (the run command does: ./run-federation)");
        }
        try (Stream<Path> files = Files.list(targetDirectory)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith("-all.jar");
            }).findFirst().orElseThrow(() -> new IllegalStateException("no runnable " + prefix + "*-all.jar in "
                    + targetDirectory + ": build the project first (the run command does: ./run-federation)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
