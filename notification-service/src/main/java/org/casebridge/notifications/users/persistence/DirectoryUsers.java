package org.casebridge.notifications.users.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.casebridge.notifications.rules.domain.Recipient;

/** The node's users as last synchronised from the case-service's directory. */
@Singleton
public class DirectoryUsers {

    private static final String COLUMNS = "username, user_id, display_name, email, roles, enabled";

    private final JdbcOperations jdbc;

    public DirectoryUsers(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the whole directory: users gone from the case-service are gone here too. */
    @Transactional
    public void replaceAll(List<Recipient> users, Instant syncedAt) {
        jdbc.prepareStatement("DELETE FROM directory_user", statement -> statement.executeUpdate());
        jdbc.prepareStatement("INSERT INTO directory_user (" + COLUMNS + ", synced_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                statement -> {
                    for (Recipient user : users) {
                        statement.setString(1, user.username());
                        statement.setObject(2, user.userId());
                        statement.setString(3, user.displayName());
                        statement.setString(4, user.email());
                        Array roles = statement.getConnection().createArrayOf("varchar",
                                user.roles().stream().sorted().toArray());
                        statement.setArray(5, roles);
                        statement.setBoolean(6, user.enabled());
                        statement.setTimestamp(7, Timestamp.from(syncedAt));
                        statement.addBatch();
                    }
                    return statement.executeBatch();
                });
    }

    @Transactional
    public List<Recipient> all() {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM directory_user ORDER BY username",
                statement -> read(statement.executeQuery()));
    }

    @Transactional
    public Optional<Recipient> find(String username) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM directory_user WHERE username = ?", statement -> {
            statement.setString(1, username);
            return read(statement.executeQuery()).stream().findFirst();
        });
    }

    /** When the directory was last synchronised, if ever. */
    @Transactional
    public Optional<Instant> lastSync() {
        return jdbc.prepareStatement("SELECT max(synced_at) FROM directory_user", statement -> {
            ResultSet rows = statement.executeQuery();
            rows.next();
            Timestamp at = rows.getTimestamp(1);
            return Optional.ofNullable(at).map(Timestamp::toInstant);
        });
    }

    private static List<Recipient> read(ResultSet rows) throws SQLException {
        List<Recipient> users = new ArrayList<>();
        while (rows.next()) {
            String[] roles = (String[]) rows.getArray("roles").getArray();
            users.add(new Recipient(rows.getString("username"), rows.getObject("user_id", UUID.class),
                    rows.getString("display_name"), rows.getString("email"), new HashSet<>(Arrays.asList(roles)),
                    rows.getBoolean("enabled")));
        }
        return users;
    }
}
