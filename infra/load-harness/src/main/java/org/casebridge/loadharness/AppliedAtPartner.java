package org.casebridge.loadharness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sees the moment each case revision is applied at the partner node, through PostgreSQL LISTEN/NOTIFY on the
 * partner's own database.
 *
 * <p>A trigger on {@code case_file} (created here for the run, dropped afterwards; the service's schema is not
 * changed) notifies {@code "<case id> <version>"} for each row written. PostgreSQL delivers a notification only
 * when the writing transaction commits, so its arrival is the moment the revision became visible at the partner.
 * This costs the partner one {@code pg_notify} per applied update, and nothing while idle, where a poller would
 * query the table hundreds of times a second and still be up to a polling interval late.
 */
final class AppliedAtPartner implements AutoCloseable {

    /** Receives each applied revision with the time it was seen, on the {@link System#nanoTime()} scale. */
    interface Observer {
        void applied(UUID caseId, long version, long seenNanos);
    }

    private static final Logger LOG = LoggerFactory.getLogger(AppliedAtPartner.class);
    static final String CHANNEL = "load_harness_applied";
    private static final String FUNCTION = "load_harness_notify_applied";
    private static final String TRIGGER = "load_harness_applied";

    private final String jdbcUrl;
    private final Properties credentials;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private Connection listening;
    private Thread receiver;

    private AppliedAtPartner(String jdbcUrl, Properties credentials) {
        this.jdbcUrl = jdbcUrl;
        this.credentials = credentials;
    }

    /**
     * The partner's database as the federation configured its case-service: the launcher writes each service's
     * configuration, data source included, to {@code <work directory>/<agency>/case-service.properties}.
     */
    static AppliedAtPartner forNode(Path federationWorkDirectory, String agencyCode) throws IOException {
        Path file = federationWorkDirectory.resolve(agencyCode).resolve("case-service.properties");
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            config.load(in);
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", config.getProperty("datasources.default.username"));
        credentials.setProperty("password", config.getProperty("datasources.default.password"));
        return new AppliedAtPartner(config.getProperty("datasources.default.url"), credentials);
    }

    /** Creates the trigger and starts listening; from then on every applied revision reaches {@code observer}. */
    void start(Observer observer) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE FUNCTION " + FUNCTION + "() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN PERFORM pg_notify('" + CHANNEL + "', NEW.id::text || ' ' || NEW.version); RETURN NULL;"
                    + " END $$");
            statement.execute("DROP TRIGGER IF EXISTS " + TRIGGER + " ON case_file");
            statement.execute("CREATE TRIGGER " + TRIGGER + " AFTER INSERT OR UPDATE ON case_file"
                    + " FOR EACH ROW EXECUTE FUNCTION " + FUNCTION + "()");
        }
        listening = connect();
        try (Statement statement = listening.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
        PGConnection notifications = listening.unwrap(PGConnection.class);
        receiver = new Thread(() -> receive(notifications, observer), "applied-at-partner");
        receiver.setDaemon(true);
        receiver.start();
    }

    private void receive(PGConnection notifications, Observer observer) {
        while (running.get()) {
            try {
                // Blocks up to 100 ms for the next notifications; each batch is stamped when it arrives.
                PGNotification[] batch = notifications.getNotifications(100);
                long seen = System.nanoTime();
                if (batch == null) {
                    continue;
                }
                for (PGNotification notification : batch) {
                    Revision revision = Revision.parse(notification.getParameter());
                    observer.applied(revision.caseId(), revision.version(), seen);
                }
            } catch (SQLException e) {
                if (running.get()) {
                    LOG.error("Stopped listening to the partner's database: {}", e.getMessage());
                }
                return;
            }
        }
    }

    /** How many of the given cases have a copy at the partner. */
    int copiesOf(Collection<UUID> caseIds) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM case_file WHERE id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("uuid", caseIds.toArray()));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, credentials);
    }

    /** Stops listening and removes the trigger and its function. */
    @Override
    public void close() {
        running.set(false);
        if (receiver != null) {
            try {
                receiver.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (listening != null) {
                listening.close();
            }
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TRIGGER IF EXISTS " + TRIGGER + " ON case_file");
                statement.execute("DROP FUNCTION IF EXISTS " + FUNCTION + "()");
            }
        } catch (SQLException e) {
            LOG.warn("Could not remove the notification trigger from the partner's database: {}", e.getMessage());
        }
    }
}
