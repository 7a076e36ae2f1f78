package org.casebridge.infra;

import org.casebridge.infra.kafka.ContainerKafka;
import org.casebridge.infra.kafka.EmbeddedKafkaBroker;
import org.casebridge.infra.kafka.ExternalKafka;
import org.casebridge.infra.postgres.ContainerPostgres;
import org.casebridge.infra.postgres.EmbeddedPostgresServer;
import org.casebridge.infra.postgres.ExternalPostgres;
import org.casebridge.infra.support.TempDirectories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A PostgreSQL server and a SASL-secured Kafka cluster for the services: started here (embedded, or PostgreSQL in a
 * container) or external. Used by the tests of every module and by the local federation.
 *
 * <p>How each server is chosen, by {@link InfraSettings#mode()}:
 * <ul>
 *   <li>{@code EMBEDDED}: PostgreSQL 17 from embedded binaries and an in-process KRaft broker;</li>
 *   <li>{@code EXTERNAL}: the configured servers (both must be configured);</li>
 *   <li>{@code TESTCONTAINERS}: a PostgreSQL container; Kafka is the in-process broker, so that SASL/SCRAM and ACLs
 *       behave the same everywhere, unless {@link InfraSettings#kafkaContainer()} asks for a Kafka container;</li>
 *   <li>{@code AUTO}: each server external if configured, else PostgreSQL in a container when a Docker engine
 *       answers, else embedded.</li>
 * </ul>
 * PostgreSQL and Kafka start in parallel. {@link #close()} stops what this object started and removes its
 * temporary files; external servers are left alone.
 */
public final class LocalInfrastructure implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalInfrastructure.class);

    private final PostgresEndpoint postgres;
    private final KafkaEndpoint kafka;
    private final List<AutoCloseable> started;
    private final Path workDirectory;
    private final StartupTimes startupTimes;
    // Removes the temporary files and stops the servers if the JVM exits without close().
    private final Thread shutdownHook = new Thread(this::stopEverything, "casebridge-infra-shutdown");
    private boolean closed;

    private LocalInfrastructure(PostgresEndpoint postgres, KafkaEndpoint kafka, List<AutoCloseable> started,
                                Path workDirectory, StartupTimes startupTimes) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.started = started;
        this.workDirectory = workDirectory;
        this.startupTimes = startupTimes;
    }

    /** Settings from system properties first, then environment variables; see {@link InfraSettings}. */
    public static InfraSettings settingsFromEnvironment() {
        return InfraSettings.fromEnvironment();
    }

    /**
     * Starts (or connects to) PostgreSQL and Kafka in parallel and returns once both accept connections.
     *
     * @throws IllegalStateException if either does not start; whatever did start is stopped again
     */
    public static LocalInfrastructure start(InfraSettings settings) {
        long begin = System.nanoTime();
        Choice choice = choose(settings);
        Path workDirectory = TempDirectories.create(settings.workDirectory(), "casebridge-infra-");
        LOG.info("starting infrastructure: PostgreSQL {}, Kafka {}", choice.postgres, choice.kafka);

        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "casebridge-infra-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<Timed<PostgresEndpoint>> postgresFuture = CompletableFuture.supplyAsync(
                    timed(() -> startPostgres(choice.postgres, settings, workDirectory)), executor);
            CompletableFuture<Timed<KafkaEndpoint>> kafkaFuture = CompletableFuture.supplyAsync(
                    timed(() -> startKafka(choice.kafka, settings, workDirectory)), executor);
            Timed<PostgresEndpoint> pg = await(postgresFuture, kafkaFuture);
            Timed<KafkaEndpoint> kf = await(kafkaFuture, postgresFuture);

            List<AutoCloseable> started = new ArrayList<>();
            addIfStarted(started, kf.value);
            addIfStarted(started, pg.value);
            StartupTimes times = new StartupTimes(millisSince(begin), pg.millis, kf.millis);
            LOG.info("infrastructure ready in {} ms (postgres {} ms, kafka {} ms): {}; {}", times.totalMillis(),
                    times.postgresMillis(), times.kafkaMillis(), pg.value.description(), kf.value.description());
            LocalInfrastructure infrastructure = new LocalInfrastructure(pg.value, kf.value, started, workDirectory, times);
            Runtime.getRuntime().addShutdownHook(infrastructure.shutdownHook);
            return infrastructure;
        } catch (RuntimeException e) {
            TempDirectories.deleteQuietly(workDirectory);
            throw e;
        } finally {
            executor.shutdown();
        }
    }

    /** The PostgreSQL server. */
    public PostgresEndpoint postgres() {
        return postgres;
    }

    /** The Kafka cluster. */
    public KafkaEndpoint kafka() {
        return kafka;
    }

    /** How long starting took. */
    public StartupTimes startupTimes() {
        return startupTimes;
    }

    /**
     * Stops the servers this object started (Kafka first, its clients may still talk to it) and removes their files.
     * Also runs when the JVM exits; closing twice does nothing.
     */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook itself is running or about to
        }
        stopEverything();
    }

    private synchronized void stopEverything() {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable server : started) {
            try {
                server.close();
            } catch (Exception e) {
                LOG.warn("could not stop {}: {}", server, e.toString());
            }
        }
        started.clear();
        TempDirectories.deleteQuietly(workDirectory);
    }

    private enum Source { EMBEDDED, EXTERNAL, CONTAINER }

    private record Choice(Source postgres, Source kafka) {
    }

    private static Choice choose(InfraSettings settings) {
        return switch (settings.mode()) {
            case EMBEDDED -> new Choice(Source.EMBEDDED, Source.EMBEDDED);
            case TESTCONTAINERS -> new Choice(Source.CONTAINER,
                    settings.kafkaContainer() ? Source.CONTAINER : Source.EMBEDDED);
            case EXTERNAL -> {
                if (settings.externalPostgres().isEmpty() || settings.externalKafka().isEmpty()) {
                    throw new IllegalArgumentException("infrastructure mode external needs CASEBRIDGE_PG_URL and "
                            + "CASEBRIDGE_KAFKA_BOOTSTRAP (with their users and passwords)");
                }
                yield new Choice(Source.EXTERNAL, Source.EXTERNAL);
            }
            case AUTO -> {
                Source pg = settings.externalPostgres().isPresent() ? Source.EXTERNAL
                        : dockerAvailable() ? Source.CONTAINER : Source.EMBEDDED;
                Source kafka = settings.externalKafka().isPresent() ? Source.EXTERNAL : Source.EMBEDDED;
                yield new Choice(pg, kafka);
            }
        };
    }

    /** True if Testcontainers finds a working Docker engine (takes about a second when there is none). */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static PostgresEndpoint startPostgres(Source source, InfraSettings settings, Path workDirectory) {
        return switch (source) {
            case EMBEDDED -> EmbeddedPostgresServer.start(workDirectory);
            case CONTAINER -> ContainerPostgres.start();
            case EXTERNAL -> {
                var external = settings.externalPostgres().orElseThrow();
                yield new ExternalPostgres(external.jdbcUrl(), external.username(), external.password());
            }
        };
    }

    private static KafkaEndpoint startKafka(Source source, InfraSettings settings, Path workDirectory) {
        return switch (source) {
            case EMBEDDED -> EmbeddedKafkaBroker.start(workDirectory);
            case CONTAINER -> ContainerKafka.start();
            case EXTERNAL -> new ExternalKafka(settings.externalKafka().orElseThrow());
        };
    }

    private static void addIfStarted(List<AutoCloseable> started, Object server) {
        if (server instanceof AutoCloseable closeable) {
            started.add(closeable);
        }
    }

    /** Waits for {@code future}; if it failed, stops what {@code other} started and rethrows. */
    private static <T, U> Timed<T> await(CompletableFuture<Timed<T>> future, CompletableFuture<Timed<U>> other) {
        try {
            return future.join();
        } catch (CompletionException e) {
            other.thenAccept(timed -> {
                if (timed.value instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception ignored) {
                        // already failing; the first error is the one to report
                    }
                }
            });
            other.exceptionally(ignored -> null).join();
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
    }

    private static <T> Supplier<Timed<T>> timed(Supplier<T> start) {
        return () -> {
            long begin = System.nanoTime();
            T value = start.get();
            return new Timed<>(value, millisSince(begin));
        };
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    private record Timed<T>(T value, long millis) {
    }

    /**
     * Start-up times in milliseconds.
     *
     * @param totalMillis    until both were ready (they start in parallel)
     * @param postgresMillis PostgreSQL alone
     * @param kafkaMillis    Kafka alone
     */
    public record StartupTimes(long totalMillis, long postgresMillis, long kafkaMillis) {
    }
}
