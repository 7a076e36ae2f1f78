package org.casebridge.notifications.inapp.persistence;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL channel on which new notifications are announced (LISTEN/NOTIFY), so that every instance of the
 * service on the database hears of every notification, whichever instance created it. The listener holds a
 * connection of its own, outside the pool, and opens it again after a failure; announcements made while it is
 * reconnecting are not heard (the list endpoint still has those notifications).
 */
@Singleton
public class NotificationChannel {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationChannel.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int POLL_MILLIS = 1_000;
    private static final Duration VALIDATE_EVERY = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** A new notification: which one and whose. */
    public record Announcement(UUID notificationId, String recipient) {

        /** The NOTIFY payload: the id, a space, the username (no content: it passes through the server's queue). */
        static String payload(UUID notificationId, String recipient) {
            return notificationId + " " + recipient;
        }

        static Announcement parse(String payload) {
            int space = payload.indexOf(' ');
            return new Announcement(UUID.fromString(payload.substring(0, space)), payload.substring(space + 1));
        }
    }

    private final String name;
    private final String url;
    private final String username;
    private final String password;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread worker;

    public NotificationChannel(@Value("${casebridge.notifications.stream.channel:casebridge_notifications}") String name,
                               @Value("${datasources.default.url}") String url,
                               @Value("${datasources.default.username:}") @Nullable String username,
                               @Value("${datasources.default.password:}") @Nullable String password) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("casebridge.notifications.stream.channel must be a lower-case SQL"
                    + " identifier, not " + name);
        }
        this.name = name;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    public String name() {
        return name;
    }

    /**
     * Starts listening: the first connection is opened before this returns (so nothing committed afterwards is
     * missed), then announcements are handed to {@code handler} on a thread of their own.
     */
    public synchronized void listen(Consumer<Announcement> handler) {
        if (running) {
            return;
        }
        running = true;
        try {
            connection = open();
        } catch (SQLException e) {
            LOG.warn("Cannot listen on channel {} yet; retrying: {}", name, e.getMessage());
        }
        worker = new Thread(() -> run(handler), "notification-channel");
        worker.setDaemon(true);
        worker.start();
    }

    @PreDestroy
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(POLL_MILLIS * 5L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close(connection);
    }

    private void run(Consumer<Announcement> handler) {
        long backoff = 500;
        long validatedAt = System.nanoTime();
        while (running) {
            try {
                if (connection == null) {
                    connection = open();
                    backoff = 500;
                    LOG.info("Listening on channel {} again", name);
                }
                PGNotification[] received = connection.unwrap(PGConnection.class).getNotifications(POLL_MILLIS);
                if (received != null && received.length > 0) {
                    for (PGNotification notification : received) {
                        hand(handler, notification.getParameter());
                    }
                } else if (System.nanoTime() - validatedAt > VALIDATE_EVERY.toNanos()) {
                    // A quiet channel and a dead connection look alike; ask the server now and then.
                    if (!connection.isValid(5)) {
                        throw new SQLException("the listening connection is no longer valid");
                    }
                    validatedAt = System.nanoTime();
                }
            } catch (SQLException e) {
                if (!running) {
                    break;
                }
                LOG.warn("Listening on channel {} failed; reconnecting in {} ms: {}", name, backoff, e.getMessage());
                close(connection);
                connection = null;
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    private void hand(Consumer<Announcement> handler, String payload) {
        try {
            handler.accept(Announcement.parse(payload));
        } catch (RuntimeException e) {
            LOG.warn("Announcement '{}' on channel {} not handled: {}", payload, name, e.getMessage());
        }
    }

    private Connection open() throws SQLException {
        Properties properties = new Properties();
        if (username != null && !username.isEmpty()) {
            properties.setProperty("user", username);
        }
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "notification-service channel listener");
        Connection opened = new org.postgresql.Driver().connect(url, properties);
        if (opened == null) {
            throw new SQLException("not a PostgreSQL URL: datasources.default.url");
        }
        try (Statement statement = opened.createStatement()) {
            statement.execute("LISTEN " + name);
        } catch (SQLException e) {
            close(opened);
            throw e;
        }
        return opened;
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing a broken connection: nothing left to do
            }
        }
    }
}
