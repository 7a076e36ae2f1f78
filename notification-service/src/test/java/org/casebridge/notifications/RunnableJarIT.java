package org.casebridge.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.casebridge.infra.junit.NodeTestProperties;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar the build writes (the one the run command starts) comes up healthy on its own classpath: the
 * test classpath can hide a library that only tests bring.
 */
class RunnableJarIT {

    @Test
    void theRunnableJarStartsAndReportsHealthy() throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("casebridge.test.own-target", "target")))) {
            jar = files.filter(f -> f.getFileName().toString().matches("notification-service-.*-all\\.jar"))
                    .findFirst().orElseThrow();
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path directory = Files.createTempDirectory("notification-service-jar");
        Properties config = new Properties();
        config.putAll(NodeTestProperties.forAgency("FR-OFAC", "fr_ofac_notify_jar"));
        config.putAll(Map.of("micronaut.server.port", Integer.toString(port),
                "casebridge.notifications.consumer.enabled", "false"));
        Path configFile = directory.resolve("notification-service.properties");
        try (OutputStream out = Files.newOutputStream(configFile)) {
            config.store(out, null);
        }
        Path log = directory.resolve("notification-service.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dmicronaut.config.files=" + configFile, "-Dcasebridge.parent-pid=" + ProcessHandle.current().pid(),
                "-jar", jar.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            String last = "no answer";
            while (Instant.now().isBefore(deadline) && process.isAlive()) {
                try {
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/health")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    last = health.body();
                    if (health.statusCode() == 200) {
                        break;
                    }
                } catch (java.io.IOException e) {
                    // not listening yet
                }
                Thread.sleep(300);
            }
            assertThat(last).as(Files.readString(log, StandardCharsets.UTF_8)).contains("\"status\":\"UP\"");
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
