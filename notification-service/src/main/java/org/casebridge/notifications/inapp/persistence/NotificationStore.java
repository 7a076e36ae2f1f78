package org.casebridge.notifications.inapp.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.casebridge.notifications.inapp.domain.Notification;

/** Notifications and the state of their e-mail. */
@Singleton
public class NotificationStore {

    private static final String COLUMNS = "id, recipient, event_id, event_type, subject_kind, subject_id,"
            + " case_reference, counterpart_agency, title, summary, handling_marking, deadline, occurred_at,"
            + " created_at, read_at";

    private final JdbcOperations jdbc;
    private final NotificationChannel channel;

    public NotificationStore(JdbcOperations jdbc, NotificationChannel channel) {
        this.jdbc = jdbc;
        this.channel = channel;
    }

    /**
     * Stores a notification unless the user already has one for the event, and announces a new one on the
     * notification channel. PostgreSQL delivers the announcement to every listening instance when the transaction
     * commits, and never if it rolls back.
     *
     * @param emailState NONE, PENDING or DIGEST
     * @return whether it was new
     */
    @Transactional
    public boolean insert(Notification n, String emailState) {
        boolean inserted = insertRow(n, emailState);
        if (inserted) {
            jdbc.prepareStatement("SELECT pg_notify(?, ?)", s -> {
                s.setString(1, channel.name());
                s.setString(2, NotificationChannel.Announcement.payload(n.id(), n.recipient()));
                return s.execute();
            });
        }
        return inserted;
    }

    private boolean insertRow(Notification n, String emailState) {
        return jdbc.prepareStatement("INSERT INTO notification (" + COLUMNS + ", email_state, email_next_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (recipient, event_id) DO NOTHING", s -> {
                    s.setObject(1, n.id());
                    s.setString(2, n.recipient());
                    s.setObject(3, n.eventId());
                    s.setString(4, n.eventType());
                    s.setString(5, n.subjectKind());
                    s.setObject(6, n.subjectId());
                    s.setString(7, n.caseReference());
                    s.setString(8, n.counterpartAgency());
                    s.setString(9, n.title());
                    s.setString(10, n.summary());
                    s.setString(11, n.marking());
                    s.setTimestamp(12, timestamp(n.deadline()));
                    s.setTimestamp(13, timestamp(n.occurredAt()));
                    s.setTimestamp(14, timestamp(n.createdAt()));
                    s.setTimestamp(15, timestamp(n.readAt()));
                    s.setString(16, emailState);
                    s.setTimestamp(17, emailState.equals("PENDING") ? timestamp(n.createdAt()) : null);
                    return s.executeUpdate() == 1;
                });
    }

    /** A page of a user's notifications: unread first, then newest first. */
    @Transactional
    public List<Notification> page(String recipient, int page, int size) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM notification WHERE recipient = ?"
                + " ORDER BY (read_at IS NULL) DESC, created_at DESC, id LIMIT ? OFFSET ?", s -> {
                    s.setString(1, recipient);
                    s.setInt(2, size);
                    s.setLong(3, (long) page * size);
                    return read(s.executeQuery());
                });
    }

    @Transactional
    public long count(String recipient, boolean unreadOnly) {
        return jdbc.prepareStatement("SELECT count(*) FROM notification WHERE recipient = ?"
                + (unreadOnly ? " AND read_at IS NULL" : ""), s -> {
                    s.setString(1, recipient);
                    ResultSet rows = s.executeQuery();
                    rows.next();
                    return rows.getLong(1);
                });
    }

    @Transactional
    public Optional<Notification> find(UUID id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM notification WHERE id = ?", s -> {
            s.setObject(1, id);
            return read(s.executeQuery()).stream().findFirst();
        });
    }

    /** Marks one of the user's notifications read; false if the user has no such notification. */
    @Transactional
    public boolean markRead(UUID id, String recipient, Instant at) {
        return jdbc.prepareStatement("UPDATE notification SET read_at = COALESCE(read_at, ?)"
                + " WHERE id = ? AND recipient = ?", s -> {
                    s.setTimestamp(1, Timestamp.from(at));
                    s.setObject(2, id);
                    s.setString(3, recipient);
                    return s.executeUpdate() == 1;
                });
    }

    /** Marks all the user's unread notifications read; returns how many. */
    @Transactional
    public int markAllRead(String recipient, Instant at) {
        return jdbc.prepareStatement("UPDATE notification SET read_at = ? WHERE recipient = ? AND read_at IS NULL",
                s -> {
                    s.setTimestamp(1, Timestamp.from(at));
                    s.setString(2, recipient);
                    return s.executeUpdate();
                });
    }

    /** Notifications whose e-mail is due, locked so that parallel senders skip them. */
    @Transactional
    public List<Notification> lockDueEmails(Instant now, int limit) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM notification WHERE email_state = 'PENDING'"
                + " AND email_next_at <= ? ORDER BY email_next_at LIMIT ? FOR UPDATE SKIP LOCKED", s -> {
                    s.setTimestamp(1, Timestamp.from(now));
                    s.setInt(2, limit);
                    return read(s.executeQuery());
                });
    }

    /** Notifications waiting for the digest, of every user, locked. */
    @Transactional
    public List<Notification> lockDigestEmails() {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM notification WHERE email_state = 'DIGEST'"
                + " ORDER BY recipient, created_at FOR UPDATE SKIP LOCKED", s -> read(s.executeQuery()));
    }

    @Transactional
    public void emailSent(List<UUID> ids) {
        jdbc.prepareStatement("UPDATE notification SET email_state = 'SENT', email_error = NULL WHERE id = ?", s -> {
            for (UUID id : ids) {
                s.setObject(1, id);
                s.addBatch();
            }
            return s.executeBatch();
        });
    }

    /** Records a failed attempt: tries again at {@code next}, or gives up when {@code next} is null. */
    @Transactional
    public void emailFailed(UUID id, String error, Instant next) {
        jdbc.prepareStatement("UPDATE notification SET email_attempts = email_attempts + 1, email_error = ?,"
                + " email_next_at = ?, email_state = CASE WHEN ? THEN 'FAILED' ELSE email_state END WHERE id = ?", s -> {
                    s.setString(1, error);
                    s.setTimestamp(2, timestamp(next));
                    s.setBoolean(3, next == null);
                    s.setObject(4, id);
                    return s.executeUpdate();
                });
    }

    /** How many mails wait to be sent now or after a failed attempt (the digest not counted). */
    @Transactional
    public long pendingEmails() {
        return jdbc.prepareStatement("SELECT count(*) FROM notification WHERE email_state = 'PENDING'", s -> {
            ResultSet rows = s.executeQuery();
            rows.next();
            return rows.getLong(1);
        });
    }

    @Transactional
    public int emailAttempts(UUID id) {
        return jdbc.prepareStatement("SELECT email_attempts FROM notification WHERE id = ?", s -> {
            s.setObject(1, id);
            ResultSet rows = s.executeQuery();
            return rows.next() ? rows.getInt(1) : 0;
        });
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static List<Notification> read(ResultSet rows) throws SQLException {
        List<Notification> all = new ArrayList<>();
        while (rows.next()) {
            all.add(new Notification(rows.getObject("id", UUID.class), rows.getString("recipient"),
                    rows.getObject("event_id", UUID.class), rows.getString("event_type"),
                    rows.getString("subject_kind"), rows.getObject("subject_id", UUID.class),
                    rows.getString("case_reference"), rows.getString("counterpart_agency"), rows.getString("title"),
                    rows.getString("summary"), rows.getString("handling_marking"), instant(rows, "deadline"),
                    instant(rows, "occurred_at"), instant(rows, "created_at"), instant(rows, "read_at")));
        }
        return all;
    }

}
