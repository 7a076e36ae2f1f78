package org.casebridge.launcher;

import java.io.IOException;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One service of the federation running as a child JVM, with its output in a log file.
 *
 * <p>Each service is its own process because each is its own Micronaut application: in one JVM both services' beans
 * would be found on the same classpath.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path logFile;
    private final URI healthUri;

    private ServiceProcess(String name, Process process, Path logFile, URI healthUri) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.healthUri = healthUri;
    }

    /**
     * Starts {@code java -jar jar} with the given configuration file layered over the service's own.
     */
    static ServiceProcess start(String name, Path jar, Path configFile, Path logFile, int port, List<String> jvmOptions)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-Dmicronaut.config.files=" + configFile.toAbsolutePath());
        command.add("-Dcasebridge.parent-pid=" + ProcessHandle.current().pid());
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        Files.createDirectories(logFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().put("CASEBRIDGE_LOG_TAG", name);
        Process process = builder.start();
        return new ServiceProcess(name, process, logFile, URI.create("http://127.0.0.1:" + port + "/health"));
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Waits until {@code /health} answers UP.
     *
     * @throws IllegalStateException if the process exits or the deadline passes first, with the end of its log
     */
    void awaitHealthy(Instant deadline) throws InterruptedException {
        String lastAnswer = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + "; last lines of " + logFile + ":\n" + tailOfLog(30));
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(healthUri)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
                lastAnswer = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                lastAnswer = e.getClass().getSimpleName();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not healthy in time (last answer: " + lastAnswer + "); last lines of "
                + logFile + ":\n" + tailOfLog(30));
    }

    String tailOfLog(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    /** Stops the service and anything it started, politely first. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
