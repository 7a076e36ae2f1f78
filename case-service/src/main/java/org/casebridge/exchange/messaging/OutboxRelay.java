package org.casebridge.exchange.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.casebridge.exchange.domain.OutboxMessage;
import org.casebridge.exchange.persistence.OutboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the outbox to Kafka in the order rows were written, in batches, with an idempotent producer
 * ({@code acks=all}), then marks the batch published.
 *
 * <p>One relay is active per node: it holds a PostgreSQL session advisory lock on a connection of its own, so a
 * second instance of the node waits until the first is gone. A crash between publishing and marking publishes the
 * batch again; receivers recognise the message ids, so each change is applied once.
 */
@Singleton
@Requires(property = "casebridge.outbox.relay.enabled", notEquals = "false")
public class OutboxRelay implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    /** Advisory lock key of the relay: "CBOUTBOX" in ASCII. */
    private static final long RELAY_LOCK_KEY = 0x43424f5554424f58L;

    private final DataSource dataSource;
    private final OutboxStore outbox;
    private final Producer<String, byte[]> producer;
    private final Optional<OutboxRelayHook> hook;
    private final Clock clock;
    private final int batchSize;
    private final Duration idlePause;
    private final Duration retention;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean leader = new AtomicBoolean();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong lagMillis = new AtomicLong();
    private final Counter published;
    private Thread worker;

    OutboxRelay(DataSource dataSource, OutboxStore outbox,
                @KafkaClient("outbox-relay") Producer<String, byte[]> producer,
                Optional<OutboxRelayHook> hook, Clock clock, MeterRegistry meters,
                @Value("${casebridge.outbox.relay.batch-size:500}") int batchSize,
                @Value("${casebridge.outbox.relay.idle-pause:20ms}") Duration idlePause,
                @Value("${casebridge.outbox.retention:7d}") Duration retention) {
        // The lock needs a session of its own, outside any transaction: use the pool beneath the
        // transaction-aware wrapper.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.outbox = outbox;
        this.producer = producer;
        this.hook = hook;
        this.clock = clock;
        this.batchSize = batchSize;
        this.idlePause = idlePause;
        this.retention = retention;
        this.published = meters.counter("casebridge.outbox.published");
        Gauge.builder("casebridge.outbox.backlog", backlog, AtomicLong::get)
                .description("outbox records not yet published").register(meters);
        Gauge.builder("casebridge.outbox.lag.seconds", lagMillis, value -> value.get() / 1000.0)
                .description("age of the oldest unpublished outbox record").register(meters);
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        start();
    }

    /** Starts the relay thread (once). */
    public void start() {
        if (running.compareAndSet(false, true)) {
            worker = new Thread(this::run, "outbox-relay");
            worker.setDaemon(true);
            worker.start();
        }
    }

    @PreDestroy
    public void stop() {
        running.set(false);
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether this instance holds the relay lock. */
    public boolean isLeader() {
        return leader.get();
    }

    private void run() {
        while (running.get()) {
            try (Connection lockConnection = dataSource.getConnection()) {
                if (!tryLock(lockConnection)) {
                    pause(Duration.ofSeconds(2));
                    continue;
                }
                leader.set(true);
                LOG.info("Outbox relay active");
                try {
                    relayWhileLeader(lockConnection);
                } finally {
                    releaseLock(lockConnection);
                }
            } catch (SQLException | RuntimeException e) {
                if (running.get()) {
                    LOG.warn("Outbox relay paused: {}", e.getMessage());
                    pause(Duration.ofSeconds(1));
                }
            } finally {
                leader.set(false);
            }
        }
    }

    private void relayWhileLeader(Connection lockConnection) throws SQLException {
        Instant nextCleanup = clock.instant();
        while (running.get()) {
            int sent = relayOneBatch(lockConnection);
            if (clock.instant().isAfter(nextCleanup)) {
                cleanUp(lockConnection);
                nextCleanup = clock.instant().plus(Duration.ofMinutes(1));
                if (!lockConnection.isValid(2)) {
                    throw new SQLException("lost the connection holding the relay lock");
                }
            }
            if (sent < batchSize) {
                pause(idlePause);
            }
        }
    }

    /**
     * Publishes one batch and marks it; returns its size. All of it runs on the connection that holds the relay
     * lock: under load, user requests can hold every pooled connection, and the relay must not queue behind them.
     */
    int relayOneBatch(Connection connection) throws SQLException {
        List<OutboxMessage> batch = outbox.nextBatch(connection, batchSize);
        refreshBacklogGauges(connection);
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        for (OutboxMessage message : batch) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(message.topic(), message.aggregateId(),
                    message.payload());
            message.headers().forEach((name, value) ->
                    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            sends.add(producer.send(record));
        }
        producer.flush();
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("Kafka did not take the batch: " + e.getCause().getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing", e);
            }
        }
        hook.ifPresent(h -> h.afterPublish(batch));
        List<UUID> ids = batch.stream().map(OutboxMessage::id).toList();
        Instant now = clock.instant();
        connection.setAutoCommit(false);
        try {
            outbox.markPublished(connection, ids, now);
            connection.commit();
        } catch (RuntimeException | SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        published.increment(batch.size());
        return batch.size();
    }

    private void refreshBacklogGauges(Connection connection) {
        OutboxStore.Backlog current = outbox.backlog(connection);
        backlog.set(current.waiting());
        lagMillis.set(current.lag(clock.instant()).toMillis());
    }

    private void cleanUp(Connection connection) {
        int deleted = outbox.deletePublishedBefore(connection, clock.instant().minus(retention));
        if (deleted > 0) {
            LOG.info("Removed {} published outbox records older than {}", deleted, retention);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT pg_try_advisory_lock(" + RELAY_LOCK_KEY + ")")) {
            return result.next() && result.getBoolean(1);
        }
    }

    /** The lock belongs to the session, and the pool keeps sessions open: release it before handing the connection back. */
    private static void releaseLock(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + RELAY_LOCK_KEY + ")");
        } catch (SQLException e) {
            LOG.debug("Could not release the relay lock; the session ends with the connection: {}", e.getMessage());
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }
}
