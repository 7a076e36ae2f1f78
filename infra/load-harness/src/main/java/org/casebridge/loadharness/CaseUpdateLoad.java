package org.casebridge.loadharness;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.DecimalFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.casebridge.launcher.FederationNode;
import org.casebridge.launcher.FederationSettings;
import org.casebridge.launcher.LocalFederation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts a two-node local federation, shares cases from the lead node with the partner, updates them through the
 * lead's API and measures, per update, the time from sending it to the partner committing it. Prints a Markdown
 * table, then stops everything it started.
 */
@Command(name = "case-update-load", mixinStandardHelpOptions = true,
        description = "Measures case updates across two CaseBridge nodes: throughput and end-to-end latency.")
public final class CaseUpdateLoad implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(CaseUpdateLoad.class);
    /** Access tokens live 15 minutes and the harness logs in once: keep set-up plus load well inside that. */
    private static final Duration LONGEST_LOAD = Duration.ofMinutes(10);

    static final class Mode {
        @Option(names = "--rate", description = "Open loop: updates per second at a fixed arrival rate.")
        Double rate;

        @Option(names = "--max", description = "Closed loop: keep --concurrency updates outstanding, to find the "
                + "sustained throughput.")
        boolean max;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    @Option(names = "--duration", converter = DurationConverter.class,
            description = "Measurement window (default: ${DEFAULT-VALUE}).")
    Duration duration = Duration.ofSeconds(60);

    @Option(names = "--warmup", converter = DurationConverter.class,
            description = "Load before the window, not measured (default: ${DEFAULT-VALUE}).")
    Duration warmup = Duration.ofSeconds(15);

    @Option(names = "--cases", description = "Cases shared with the partner; updates go round-robin over them "
            + "(default: ${DEFAULT-VALUE}).")
    int cases = 200;

    @Option(names = "--concurrency", description = "Most updates outstanding at the lead, and HTTP client threads "
            + "(default: ${DEFAULT-VALUE}).")
    int concurrency = 16;

    @Option(names = "--drain", converter = DurationConverter.class,
            description = "How long to wait after the load for the partner to apply what was sent "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration drain = Duration.ofSeconds(60);

    @Option(names = "--lead", description = "Agency whose API is driven (default: ${DEFAULT-VALUE}).")
    String leadAgency = "DE-BKA";

    @Option(names = "--partner", description = "Agency the cases are shared with (default: ${DEFAULT-VALUE}).")
    String partnerAgency = "NL-NHTC";

    @Option(names = "--project-dir", description = "The CaseBridge checkout with built services "
            + "(default: the current directory).")
    Path projectDirectory = Path.of(".");

    @Option(names = "--work-dir", description = "Service configuration and logs "
            + "(default: infra/load-harness/target/federation below the project directory).")
    Path workDirectory;

    @Option(names = "--case-port", description = "Port of the lead's case-service; the partner's is the next "
            + "(default: ${DEFAULT-VALUE}).")
    int casePort = 18081;

    @Option(names = "--notification-port", description = "Port of the lead's notification-service; the partner's "
            + "is the next (default: ${DEFAULT-VALUE}).")
    int notificationPort = 18091;

    @Option(names = "--service-jvm-option", description = "Option for every service JVM, repeatable; replaces the "
            + "launcher's defaults (" + "-Xmx384m -XX:+UseSerialGC" + ") when given.")
    List<String> serviceJvmOptions = new ArrayList<>();

    @Option(names = "--service-property", description = "Configuration for every service, key=value, repeatable "
            + "(for example casebridge.outbox.relay.idle-pause=5ms).")
    Map<String, String> serviceProperties = new LinkedHashMap<>();

    @Option(names = "--demo-password", description = "Password of the demo users (default: ${DEFAULT-VALUE}).")
    String demoPassword = "casebridge-demo";

    @Option(names = "--report", description = "Also write the Markdown report to this file.")
    Path reportFile;

    private final PrintStream out;

    CaseUpdateLoad(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CaseUpdateLoad(System.out)).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        validate();
        Path project = projectDirectory.toAbsolutePath().normalize();
        Path work = workDirectory != null ? workDirectory.toAbsolutePath()
                : project.resolve("infra/load-harness/target/federation");
        FederationSettings settings = settings(project, work);
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        LOG.info("Starting {} and {} ...", leadAgency, partnerAgency);
        ExecutorService leadThreads = Executors.newFixedThreadPool(concurrency, daemon("lead-http"));
        ExecutorService partnerThreads = Executors.newFixedThreadPool(1, daemon("partner-http"));
        try (LocalFederation federation = LocalFederation.start(settings)) {
            LOG.info("Federation up in {} s", federation.startTime().toSeconds());
            FederationNode leadNode = node(federation, leadAgency);
            FederationNode partnerNode = node(federation, partnerAgency);
            CaseApi lead = new CaseApi(leadNode.casePort(), leadThreads);
            CaseApi partner = new CaseApi(partnerNode.casePort(), partnerThreads);
            lead.login("liaison", demoPassword);

            AtomicReference<LoadRecorder> current = new AtomicReference<>();
            try (AppliedAtPartner appliedAtPartner = AppliedAtPartner.forNode(work, partnerAgency)) {
                appliedAtPartner.start((caseId, version, seenNanos) -> {
                    LoadRecorder recorder = current.get();
                    if (recorder != null) {
                        recorder.applied(caseId, version, seenNanos);
                    }
                });
                List<UUID> shared = shareCases(lead, appliedAtPartner);

                long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
                long windowStart = start + warmup.toNanos();
                long end = windowStart + duration.toNanos();
                LoadRecorder recorder = new LoadRecorder(windowStart, end);
                current.set(recorder);
                LoadDriver driver = new LoadDriver(lead, recorder, shared, 1, concurrency);
                try (BacklogSampler sampler = new BacklogSampler(lead, partner, recorder, start)) {
                    sampler.start();
                    LOG.info("Load: {}, warm-up {} s, window {} s", describeMode(), warmup.toSeconds(),
                            duration.toSeconds());
                    if (mode.max) {
                        driver.runClosedLoop(end);
                    } else {
                        driver.runOpenLoop(mode.rate, start, end);
                    }
                    sampler.sample();
                    long leadBacklogAtEnd = sampler.leadBacklog().last();
                    long drainMillis = awaitDrain(recorder);
                    LoadReport report = new LoadReport(describeMode(), recorder.windowSeconds(),
                            recorder.sentInWindow(), recorder.acceptedInWindow(),
                            recorder.acceptedDuringWindow() / recorder.windowSeconds(),
                            recorder.appliedDuringWindow() / recorder.windowSeconds(),
                            recorder.endToEnd(), recorder.leadAnswer(), recorder.inFlightFromWindow(),
                            recorder.refusedCount() + recorder.failedCount(), recorder.skippedCount(),
                            sampler.leadBacklog().max(), leadBacklogAtEnd, sampler.leadLagMillis().max(),
                            sampler.partnerBacklog().max(), sampler.inFlight().max(), drainMillis);
                    double loadAtEnd = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                    publish(report, recorder, settings, loadAtStart, loadAtEnd);
                }
            }
        } finally {
            leadThreads.shutdownNow();
            partnerThreads.shutdownNow();
        }
        return 0;
    }

    private void validate() {
        if (mode.rate != null && !(mode.rate > 0 && mode.rate <= 10_000)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--rate must be between 0 and 10000");
        }
        if (concurrency < 1 || concurrency > 256) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--concurrency must be 1 to 256");
        }
        if (cases < concurrency) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--cases must be at least --concurrency: updates of one case are sequential");
        }
        if (warmup.plus(duration).compareTo(LONGEST_LOAD) > 0 || duration.isZero() || duration.isNegative()
                || warmup.isNegative() || drain.compareTo(LONGEST_LOAD) > 0) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "warm-up plus duration, and the drain, must each be positive and at most " + LONGEST_LOAD.toMinutes()
                            + " minutes");
        }
    }

    private FederationSettings settings(Path project, Path work) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>(serviceProperties);
        properties.putIfAbsent("casebridge.demo.password", demoPassword);
        FederationSettings defaults = FederationSettings.defaults(project)
                .withAgencies(List.of(leadAgency, partnerAgency))
                .withPorts(casePort, notificationPort)
                .withWorkDirectory(work)
                .withExtraProperties(properties);
        // The services run from copies: a build writing the jars during a run would otherwise break the classes
        // the services have yet to load.
        Path jars = Files.createDirectories(work.resolve("jars"));
        Path caseServiceJar = Files.copy(defaults.caseServiceJar(),
                jars.resolve(defaults.caseServiceJar().getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Path notificationServiceJar = Files.copy(defaults.notificationServiceJar(),
                jars.resolve(defaults.notificationServiceJar().getFileName()), StandardCopyOption.REPLACE_EXISTING);
        // No demo cases: the load's own cases are the only ones, so nothing else competes with them.
        return defaults.withServiceJars(caseServiceJar, notificationServiceJar)
                .withServiceJvmOptions(serviceJvmOptions.isEmpty() ? defaults.serviceJvmOptions() : serviceJvmOptions)
                .withDemoPassword(null);
    }

    /** Opens the cases at the lead, shares each with the partner and waits until the partner has every copy. */
    private List<UUID> shareCases(CaseApi lead, AppliedAtPartner partner) throws Exception {
        long began = System.nanoTime();
        // Blocking calls, so not on the HTTP client's threads (it needs them to complete the calls).
        ExecutorService threads = Executors.newFixedThreadPool(4, daemon("case-setup"));
        List<Future<UUID>> opening = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            int number = i + 1;
            opening.add(threads.submit(() -> {
                UUID id = lead.openCase("Load harness case " + number);
                lead.share(id, partnerAgency);
                return id;
            }));
        }
        List<UUID> ids = new ArrayList<>();
        try {
            for (Future<UUID> future : opening) {
                ids.add(future.get(2, TimeUnit.MINUTES));
            }
        } finally {
            threads.shutdownNow();
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        int copies;
        while ((copies = partner.copiesOf(ids)) < ids.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + copies + " of " + ids.size() + " shared cases reached "
                        + partnerAgency + " within two minutes");
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        LOG.info("{} cases opened at {} and copied to {} in {} ms", ids.size(), leadAgency, partnerAgency,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
        Collections.shuffle(ids);
        return ids;
    }

    /** Waits until the partner applied every update sent, at most {@link #drain}; returns how long it took. */
    private long awaitDrain(LoadRecorder recorder) throws InterruptedException {
        long began = System.nanoTime();
        long deadline = began + drain.toNanos();
        while (recorder.inFlight() > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        if (recorder.inFlight() > 0) {
            LOG.warn("{} updates not applied at {} after {} s", recorder.inFlight(), partnerAgency, drain.toSeconds());
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
    }

    private void publish(LoadReport report, LoadRecorder recorder, FederationSettings settings, double loadAtStart,
                         double loadAtEnd) throws Exception {
        Histogram e2e = report.endToEnd();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Run of %s: %s updating %d cases shared with %s; %d processors, "
                        + "load average %.1f before and %.1f after; Java %s; service JVMs: %s.%n%n", LocalDate.now(),
                leadAgency, cases, partnerAgency, Runtime.getRuntime().availableProcessors(), loadAtStart, loadAtEnd,
                System.getProperty("java.version"), String.join(" ", settings.serviceJvmOptions())));
        text.append(report.markdownTable()).append('\n');
        text.append(String.format(Locale.ROOT, "End-to-end (%,d updates sent in the window): p50 %s, p90 %s, p99 %s, "
                        + "p99.9 %s, max %s. Sustained: %.1f updates/s.%s%n",
                e2e.getTotalCount(), LoadReport.millis(e2e.getValueAtPercentile(50)),
                LoadReport.millis(e2e.getValueAtPercentile(90)), LoadReport.millis(e2e.getValueAtPercentile(99)),
                LoadReport.millis(e2e.getValueAtPercentile(99.9)), LoadReport.millis(e2e.getMaxValue()),
                report.sustainedPerSecond(), mode.max ? "" : " Schedule lag max " + LoadReport.millis(
                        TimeUnit.NANOSECONDS.toMicros(recorder.maxScheduleLagNanos())) + "."));
        if (!serviceProperties.isEmpty()) {
            text.append("Service properties: ").append(serviceProperties).append('\n');
        }
        out.print(text);
        out.flush();
        if (reportFile != null) {
            Files.writeString(reportFile, text, StandardCharsets.UTF_8);
        }
    }

    private String describeMode() {
        return mode.max ? "closed loop, " + concurrency + " outstanding"
                : String.format(Locale.ROOT, "open loop, %s/s", new DecimalFormat("0.#").format(mode.rate));
    }

    private static FederationNode node(LocalFederation federation, String agency) {
        return federation.nodes().stream().filter(n -> n.agencyCode().equals(agency)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no node for " + agency));
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
