package org.casebridge.notifications.webhooks.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.casebridge.notifications.webhooks.domain.Webhook;
import org.casebridge.notifications.webhooks.domain.WebhookDelivery;

/** Registered webhooks and their deliveries. */
@Singleton
public class WebhookStore {

    private static final String WEBHOOK_COLUMNS = "id, url, secret, event_types, description, enabled,"
            + " consecutive_failures, disabled_at, disabled_reason, created_by, created_at";
    private static final String DELIVERY_COLUMNS = "id, webhook_id, event_id, event_type, payload, status, attempts,"
            + " next_at, last_status, last_error, created_at, delivered_at";

    private final JdbcOperations jdbc;

    public WebhookStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void insert(Webhook webhook) {
        jdbc.prepareStatement("INSERT INTO webhook (" + WEBHOOK_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s -> {
                    s.setObject(1, webhook.id());
                    s.setString(2, webhook.url());
                    s.setString(3, webhook.secret());
                    s.setArray(4, s.getConnection().createArrayOf("varchar", webhook.eventTypes().toArray()));
                    s.setString(5, webhook.description());
                    s.setBoolean(6, webhook.enabled());
                    s.setInt(7, webhook.consecutiveFailures());
                    s.setTimestamp(8, ts(webhook.disabledAt()));
                    s.setString(9, webhook.disabledReason());
                    s.setString(10, webhook.createdBy());
                    s.setTimestamp(11, ts(webhook.createdAt()));
                    return s.executeUpdate();
                });
    }

    @Transactional
    public List<Webhook> list() {
        return jdbc.prepareStatement("SELECT " + WEBHOOK_COLUMNS + " FROM webhook WHERE NOT deleted ORDER BY created_at",
                s -> readWebhooks(s.executeQuery()));
    }

    @Transactional
    public List<Webhook> enabled() {
        return jdbc.prepareStatement("SELECT " + WEBHOOK_COLUMNS + " FROM webhook WHERE enabled AND NOT deleted",
                s -> readWebhooks(s.executeQuery()));
    }

    @Transactional
    public Optional<Webhook> find(UUID id) {
        return jdbc.prepareStatement("SELECT " + WEBHOOK_COLUMNS + " FROM webhook WHERE id = ? AND NOT deleted", s -> {
            s.setObject(1, id);
            return readWebhooks(s.executeQuery()).stream().findFirst();
        });
    }

    /** Locks the webhook row for a state change. */
    @Transactional
    public Optional<Webhook> lock(UUID id) {
        return jdbc.prepareStatement("SELECT " + WEBHOOK_COLUMNS + " FROM webhook WHERE id = ? FOR UPDATE", s -> {
            s.setObject(1, id);
            return readWebhooks(s.executeQuery()).stream().findFirst();
        });
    }

    /** Deletes a webhook (kept, marked deleted, for the delivery log) and abandons its pending deliveries. */
    @Transactional
    public boolean delete(UUID id) {
        boolean deleted = jdbc.prepareStatement("UPDATE webhook SET deleted = TRUE, enabled = FALSE"
                + " WHERE id = ? AND NOT deleted", s -> {
                    s.setObject(1, id);
                    return s.executeUpdate() == 1;
                });
        if (deleted) {
            abandonPending(id, "the webhook was deleted");
        }
        return deleted;
    }

    @Transactional
    public void recordSuccess(UUID webhookId) {
        jdbc.prepareStatement("UPDATE webhook SET consecutive_failures = 0 WHERE id = ?", s -> {
            s.setObject(1, webhookId);
            return s.executeUpdate();
        });
    }

    /** Counts a failed attempt against the endpoint; returns the new number of consecutive failures. */
    @Transactional
    public int recordFailure(UUID webhookId) {
        return jdbc.prepareStatement("UPDATE webhook SET consecutive_failures = consecutive_failures + 1 WHERE id = ?"
                + " RETURNING consecutive_failures", s -> {
                    s.setObject(1, webhookId);
                    ResultSet rows = s.executeQuery();
                    return rows.next() ? rows.getInt(1) : 0;
                });
    }

    @Transactional
    public void disable(UUID webhookId, String reason, Instant at) {
        jdbc.prepareStatement("UPDATE webhook SET enabled = FALSE, disabled_at = ?, disabled_reason = ? WHERE id = ?",
                s -> {
                    s.setTimestamp(1, Timestamp.from(at));
                    s.setString(2, reason);
                    s.setObject(3, webhookId);
                    return s.executeUpdate();
                });
        abandonPending(webhookId, "the endpoint was disabled: " + reason);
    }

    private void abandonPending(UUID webhookId, String reason) {
        jdbc.prepareStatement("UPDATE webhook_delivery SET status = 'ABANDONED', last_error = COALESCE(last_error || '; ',"
                + " '') || ? WHERE webhook_id = ? AND status = 'PENDING'", s -> {
                    s.setString(1, reason);
                    s.setObject(2, webhookId);
                    return s.executeUpdate();
                });
    }

    /** Queues a delivery unless the endpoint already has one for the event. */
    @Transactional
    public boolean queue(UUID webhookId, UUID eventId, String eventType, String payload, Instant at) {
        return jdbc.prepareStatement("INSERT INTO webhook_delivery (id, webhook_id, event_id, event_type, payload,"
                + " status, attempts, next_at, created_at) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)"
                + " ON CONFLICT (webhook_id, event_id) DO NOTHING", s -> {
                    s.setObject(1, UUID.randomUUID());
                    s.setObject(2, webhookId);
                    s.setObject(3, eventId);
                    s.setString(4, eventType);
                    s.setString(5, payload);
                    s.setTimestamp(6, Timestamp.from(at));
                    s.setTimestamp(7, Timestamp.from(at));
                    return s.executeUpdate() == 1;
                });
    }

    /** How many deliveries wait for an attempt (now or after a failed one). */
    @Transactional
    public long pendingDeliveries() {
        return jdbc.prepareStatement("SELECT count(*) FROM webhook_delivery WHERE status = 'PENDING'", s -> {
            java.sql.ResultSet rows = s.executeQuery();
            rows.next();
            return rows.getLong(1);
        });
    }

    /** Due deliveries of enabled endpoints, locked so that parallel dispatchers skip them. */
    @Transactional
    public List<WebhookDelivery> lockDue(Instant now, int limit) {
        return jdbc.prepareStatement("SELECT d.id, d.webhook_id, d.event_id, d.event_type, d.payload, d.status,"
                + " d.attempts, d.next_at, d.last_status, d.last_error, d.created_at, d.delivered_at"
                + " FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id"
                + " WHERE d.status = 'PENDING' AND d.next_at <= ? AND w.enabled"
                + " ORDER BY d.next_at LIMIT ? FOR UPDATE OF d SKIP LOCKED", s -> {
                    s.setTimestamp(1, Timestamp.from(now));
                    s.setInt(2, limit);
                    return readDeliveries(s.executeQuery());
                });
    }

    @Transactional
    public void delivered(UUID deliveryId, int status, Instant at) {
        jdbc.prepareStatement("UPDATE webhook_delivery SET status = 'DELIVERED', attempts = attempts + 1,"
                + " last_status = ?, last_error = NULL, delivered_at = ? WHERE id = ?", s -> {
                    s.setInt(1, status);
                    s.setTimestamp(2, Timestamp.from(at));
                    s.setObject(3, deliveryId);
                    return s.executeUpdate();
                });
    }

    /** Records a failed attempt: retried at {@code next}, or FAILED when {@code next} is null. */
    @Transactional
    public void attemptFailed(UUID deliveryId, Integer status, String error, Instant next) {
        jdbc.prepareStatement("UPDATE webhook_delivery SET attempts = attempts + 1, last_status = ?, last_error = ?,"
                + " status = CASE WHEN ? THEN 'FAILED' ELSE status END, next_at = COALESCE(?, next_at) WHERE id = ?",
                s -> {
                    if (status == null) {
                        s.setNull(1, java.sql.Types.INTEGER);
                    } else {
                        s.setInt(1, status);
                    }
                    s.setString(2, error);
                    s.setBoolean(3, next == null);
                    s.setTimestamp(4, ts(next));
                    s.setObject(5, deliveryId);
                    return s.executeUpdate();
                });
    }

    /** The delivery log of a webhook, newest first. */
    @Transactional
    public List<WebhookDelivery> deliveries(UUID webhookId, int limit) {
        return jdbc.prepareStatement("SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery WHERE webhook_id = ?"
                + " ORDER BY created_at DESC LIMIT ?", s -> {
                    s.setObject(1, webhookId);
                    s.setInt(2, limit);
                    return readDeliveries(s.executeQuery());
                });
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static List<Webhook> readWebhooks(ResultSet rows) throws SQLException {
        List<Webhook> all = new ArrayList<>();
        while (rows.next()) {
            all.add(new Webhook(rows.getObject("id", UUID.class), rows.getString("url"), rows.getString("secret"),
                    Arrays.asList((String[]) rows.getArray("event_types").getArray()), rows.getString("description"),
                    rows.getBoolean("enabled"), rows.getInt("consecutive_failures"), instant(rows, "disabled_at"),
                    rows.getString("disabled_reason"), rows.getString("created_by"), instant(rows, "created_at")));
        }
        return all;
    }

    private static List<WebhookDelivery> readDeliveries(ResultSet rows) throws SQLException {
        List<WebhookDelivery> all = new ArrayList<>();
        while (rows.next()) {
            int lastStatus = rows.getInt("last_status");
            Integer status = rows.wasNull() ? null : lastStatus;
            all.add(new WebhookDelivery(rows.getObject("id", UUID.class), rows.getObject("webhook_id", UUID.class),
                    rows.getObject("event_id", UUID.class), rows.getString("event_type"), rows.getString("payload"),
                    rows.getString("status"), rows.getInt("attempts"), instant(rows, "next_at"), status,
                    rows.getString("last_error"), instant(rows, "created_at"), instant(rows, "delivered_at")));
        }
        return all;
    }
}
