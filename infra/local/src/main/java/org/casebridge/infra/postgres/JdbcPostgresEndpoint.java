package org.casebridge.infra.postgres;

import org.casebridge.infra.DatabaseCoordinates;
import org.casebridge.infra.PostgresEndpoint;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server reached over JDBC with a user that may create databases; every kind of server (embedded,
 * container, external) hands out databases this way.
 */
public abstract class JdbcPostgresEndpoint implements PostgresEndpoint {

    /** PostgreSQL's {@code duplicate_database}: another thread or process created it first. */
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");

    private final String adminJdbcUrl;
    private final String username;
    private final String password;

    /**
     * @param adminJdbcUrl a URL of an existing database on the server (usually {@code postgres}), for CREATE DATABASE
     */
    protected JdbcPostgresEndpoint(String adminJdbcUrl, String username, String password) {
        this.adminJdbcUrl = adminJdbcUrl;
        this.username = username;
        this.password = password == null ? "" : password;
    }

    @Override
    public DatabaseCoordinates createDatabase(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name '" + name
                    + "' must be lowercase letters, digits and underscores (at most 63), not starting with a digit");
        }
        try (Connection connection = connect()) {
            if (!exists(connection, name)) {
                try (Statement statement = connection.createStatement()) {
                    // The name is checked against a strict pattern above, so quoting it is enough.
                    statement.execute("CREATE DATABASE \"" + name + "\"");
                } catch (SQLException e) {
                    if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + description() + ": "
                    + e.getMessage(), e);
        }
        return new DatabaseCoordinates(withDatabase(adminJdbcUrl, name), username, password);
    }

    /** A connection to the admin database, e.g. for checks. */
    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        return DriverManager.getConnection(adminJdbcUrl, properties);
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The same JDBC URL (hosts and parameters) pointing at another database. */
    static String withDatabase(String jdbcUrl, String database) {
        Matcher matcher = JDBC_URL.matcher(jdbcUrl);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        return matcher.group(1) + "/" + database + (matcher.group(3) == null ? "" : matcher.group(3));
    }
}
