package org.casebridge.infra.postgres;

import org.casebridge.infra.DatabaseCoordinates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The fallback for root without user namespaces: the same binaries run as an unprivileged OS user. */
class UnprivilegedPostgresIT {

    @Test
    @EnabledOnOs(OS.LINUX)
    void runsPostgres17AsAnUnprivilegedUserWhenForced() throws Exception {
        EmbeddedPostgresServer server;
        System.setProperty(EmbeddedPostgresServer.UNPRIVILEGED_PROPERTY, "true");
        try {
            server = EmbeddedPostgresServer.start(null);
        } finally {
            System.clearProperty(EmbeddedPostgresServer.UNPRIVILEGED_PROPERTY);
        }
        try (server) {
            if (UnprivilegedPostgres.isRoot()) {
                assertThat(server.description()).contains("as OS user");
            }
            DatabaseCoordinates database = server.createDatabase("unprivileged_it");
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                    database.password())) {
                ResultSet rows = connection.createStatement().executeQuery("show server_version");
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).startsWith("17.");
            }
        }
    }
}
