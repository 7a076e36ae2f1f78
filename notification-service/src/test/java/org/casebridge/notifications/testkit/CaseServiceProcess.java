package org.casebridge.notifications.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.casebridge.infra.junit.NodeTestProperties;

/**
 * A real case-service of one agency in its own JVM, run from the runnable jar the build wrote, on the shared
 * PostgreSQL and Kafka, in the demo environment (demo users liaison, supervisor, analyst and admin). In its own
 * process because it is another Micronaut application: in this JVM its beans would mix with the notification-service's.
 */
public final class CaseServiceProcess implements AutoCloseable {

    public static final String DEMO_PASSWORD = "casebridge-demo-test";
    public static final String SERVICE_TOKEN = "notification-test-service-token-0123456789";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String agency;
    private final Process process;
    private final int port;
    private final Path log;

    private CaseServiceProcess(String agency, Process process, int port, Path log) {
        this.agency = agency;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the case-service of the agency on a fresh database; does not wait for it (see {@link #awaitHealthy}). */
    public static CaseServiceProcess start(String agency) {
        return start(agency, Map.of());
    }

    /** Like {@link #start(String)}, with extra configuration (e.g. where its notification-service answers). */
    public static CaseServiceProcess start(String agency, Map<String, String> extra) {
        try {
            int port = freePort();
            Path directory = Files.createTempDirectory("case-service-" + agency);
            Map<String, String> config = new LinkedHashMap<>(NodeTestProperties.forAgency(agency,
                    agency.toLowerCase().replace('-', '_') + "_cases"));
            config.put("micronaut.server.port", Integer.toString(port));
            config.put("casebridge.demo.password", DEMO_PASSWORD);
            config.put("casebridge.security.service-token", SERVICE_TOKEN);
            config.put("casebridge.security.password-hashing.memory-kib", "1024");
            config.put("casebridge.security.password-hashing.iterations", "1");
            config.putAll(extra);
            Path configFile = directory.resolve("case-service.properties");
            Properties properties = new Properties();
            properties.putAll(config);
            try (OutputStream out = Files.newOutputStream(configFile)) {
                properties.store(out, null);
            }
            Path log = directory.resolve("case-service.log");
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx320m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-Dmicronaut.environments=demo",
                    "-Dmicronaut.config.files=" + configFile.toAbsolutePath(),
                    "-Dcasebridge.parent-pid=" + ProcessHandle.current().pid(),
                    "-jar", caseServiceJar().toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new CaseServiceProcess(agency, process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CaseServiceProcess awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(agency + " case-service exited; log:\n" + tail());
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(300);
        }
        throw new IllegalStateException(agency + " case-service not healthy in time; log:\n" + tail());
    }

    public String agency() {
        return agency;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** An access token of a demo user, by logging in like the console does. */
    public String login(String username) {
        return login(username, DEMO_PASSWORD);
    }

    public String login(String username, String password) {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
        HttpResponse<String> response = send("POST", "/login", null, body);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login of " + username + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return Json.field(response.body(), "access_token");
    }

    /** A request to the case-service's API; body is JSON or null. */
    public HttpResponse<String> send(String method, String path, String bearer, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static Path caseServiceJar() throws IOException {
        Path target = Path.of(System.getProperty("casebridge.test.case-service-target", "../case-service/target"));
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().startsWith("case-service-")
                            && f.getFileName().toString().endsWith("-all.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no case-service-*-all.jar in " + target
                            + ": build with -pl notification-service -am"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
