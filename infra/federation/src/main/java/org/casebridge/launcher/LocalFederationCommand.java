package org.casebridge.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The run command: starts a local federation, prints where everything is, and stops it all on Ctrl-C or SIGTERM.
 */
@Command(name = "run-federation", mixinStandardHelpOptions = true,
        description = "Starts a local CaseBridge federation on embedded PostgreSQL and Kafka with demo data.")
public final class LocalFederationCommand implements Callable<Integer> {

    @Option(names = "--agencies", split = ",", description = "Agency codes of the nodes (default: ${DEFAULT-VALUE}).")
    List<String> agencies = FederationSettings.DEMO_AGENCIES;

    @Option(names = "--case-port", description = "Port of the first case-service (default: ${DEFAULT-VALUE}).")
    int casePort = 8081;

    @Option(names = "--notification-port",
            description = "Port of the first notification-service (default: ${DEFAULT-VALUE}).")
    int notificationPort = 8091;

    @Option(names = "--mailbox-port",
            description = "Port of the demo mailbox page (default: ${DEFAULT-VALUE}).")
    int mailboxPort = FederationSettings.DEFAULT_MAILBOX_PORT;

    @Option(names = "--project-dir", description = "The CaseBridge checkout (default: the current directory).")
    Path projectDirectory = Path.of(".");

    @Option(names = "--demo-password", description = "Password of every demo user (default: ${DEFAULT-VALUE}).")
    String demoPassword = FederationSettings.DEFAULT_DEMO_PASSWORD;

    private final PrintStream out;

    LocalFederationCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalFederationCommand(System.out)).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        FederationSettings settings = FederationSettings.defaults(projectDirectory.toAbsolutePath().normalize())
                .withAgencies(agencies)
                .withPorts(casePort, notificationPort)
                .withDemoPassword(demoPassword)
                .withMailboxPort(mailboxPort);
        out.println("Starting a local CaseBridge federation of " + String.join(", ", settings.agencies()) + " ...");
        LocalFederation federation = LocalFederation.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping the local federation ...");
            federation.close();
            stopped.countDown();
        }, "federation-shutdown"));
        out.print(FederationTable.render(federation, demoPassword));
        stopped.await();
        return 0;
    }
}
