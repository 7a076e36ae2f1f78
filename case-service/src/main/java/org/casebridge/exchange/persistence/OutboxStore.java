package org.casebridge.exchange.persistence;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.casebridge.exchange.domain.OutboxMessage;
import org.casebridge.node.persistence.Sql;

/** The transactional outbox table. Every method runs in the caller's transaction. */
@Singleton
public class OutboxStore {

    private final Sql sql;
    private final ObjectMapper json;

    public OutboxStore(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /** Adds a record to publish once the current transaction commits. */
    public void append(UUID id, String aggregateType, String aggregateId, String type, String topic,
                       String recipient, Map<String, String> headers, byte[] payload) {
        sql.update("INSERT INTO outbox_message (id, aggregatetype, aggregateid, type, topic, recipient, headers, payload)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                id, aggregateType, aggregateId, type, topic, recipient, new Sql.Json(writeHeaders(headers)), payload);
    }

    /** The oldest unpublished records, in the order they were written, read on the relay's own connection. */
    public List<OutboxMessage> nextBatch(Connection connection, int limit) {
        return Sql.on(connection).query("SELECT id, position, aggregatetype, aggregateid, type, topic, recipient, headers::text AS headers,"
                        + " payload FROM outbox_message WHERE published_at IS NULL ORDER BY position LIMIT ?",
                row -> new OutboxMessage(Sql.uuid(row, "id"), row.getLong("position"), row.getString("aggregatetype"),
                        row.getString("aggregateid"), row.getString("type"), row.getString("topic"),
                        row.getString("recipient"), readHeaders(row.getString("headers")), row.getBytes("payload")),
                limit);
    }

    /** Marks records as published, on the relay's own connection. */
    public void markPublished(Connection connection, Collection<UUID> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        Sql.on(connection).update("UPDATE outbox_message SET published_at = ? WHERE id = ANY (?)", at, ids);
    }

    /** Deletes published records older than the retention, on the relay's own connection; returns how many. */
    public int deletePublishedBefore(Connection connection, Instant cutoff) {
        return Sql.on(connection).update("DELETE FROM outbox_message WHERE published_at IS NOT NULL AND published_at < ?", cutoff);
    }

    /** How many records wait, and since when the oldest waits. */
    public Backlog backlog() {
        return backlog(sql);
    }

    /** {@link #backlog()} on the relay's own connection. */
    public Backlog backlog(Connection connection) {
        return backlog(Sql.on(connection));
    }

    private static Backlog backlog(Sql sql) {
        return sql.queryOne("SELECT count(*) AS waiting, min(created_at) AS oldest FROM outbox_message"
                        + " WHERE published_at IS NULL",
                row -> new Backlog(row.getLong("waiting"), Optional.ofNullable(Sql.instant(row, "oldest"))))
                .orElse(new Backlog(0, Optional.empty()));
    }

    /**
     * The outbox backlog: records not yet on Kafka and the creation time of the oldest.
     */
    public record Backlog(long waiting, Optional<Instant> oldestCreatedAt) {

        /** How long the oldest record has waited, zero when none waits. */
        public Duration lag(Instant now) {
            return oldestCreatedAt.map(oldest -> Duration.between(oldest, now)).orElse(Duration.ZERO);
        }
    }

    private String writeHeaders(Map<String, String> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> readHeaders(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
