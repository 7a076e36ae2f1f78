package org.casebridge.node.persistence;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.jdbc.runtime.PreparedStatementCallback;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Runs SQL on the connection of the current transaction, binding parameters by their Java type.
 *
 * <p>The stores of this service write SQL by hand where the query needs PostgreSQL itself (full-text search, arrays,
 * {@code FOR UPDATE}, {@code ON CONFLICT}); this keeps the binding and mapping boilerplate in one place.
 */
@Singleton
public class Sql {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Prepares and runs a statement on some connection. */
    @FunctionalInterface
    private interface StatementRunner {
        <R> R run(String sql, PreparedStatementCallback<R> callback);
    }

    private final StatementRunner runner;

    @Inject
    public Sql(JdbcOperations jdbc) {
        this.runner = jdbc::prepareStatement;
    }

    private Sql(StatementRunner runner) {
        this.runner = runner;
    }

    /**
     * The same operations on a connection the caller holds and manages (its transaction, its lifetime), for work
     * that must not wait for the shared pool.
     */
    public static Sql on(Connection connection) {
        return new Sql(new StatementRunner() {
            @Override
            public <R> R run(String sql, PreparedStatementCallback<R> callback) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    return callback.call(statement);
                } catch (SQLException e) {
                    throw new DataAccessException("SQL failed: " + e.getMessage(), e);
                }
            }
        });
    }

    /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it touched. */
    public int update(String sql, Object... parameters) {
        return runner.run(sql, statement -> {
            bind(statement, parameters);
            return statement.executeUpdate();
        });
    }

    /** Runs a query and maps every row. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        return runner.run(sql, statement -> {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        });
    }

    /** Runs a query expected to give at most one row. */
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... parameters) {
        List<T> rows = query(sql, mapper, parameters);
        if (rows.size() > 1) {
            throw new IllegalStateException("expected at most one row, got " + rows.size() + " for: " + sql);
        }
        return rows.stream().findFirst();
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            int index = i + 1;
            if (value == null) {
                statement.setNull(index, Types.NULL);
            } else if (value instanceof Instant instant) {
                statement.setTimestamp(index, Timestamp.from(instant));
            } else if (value instanceof Enum<?> symbol) {
                statement.setString(index, symbol.name());
            } else if (value instanceof Collection<?> collection && !collection.isEmpty()
                    && collection.iterator().next() instanceof UUID) {
                // A uuid[] as such: a text[] cast in SQL would be re-cast for every row the plan visits.
                statement.setArray(index, statement.getConnection().createArrayOf("uuid", collection.toArray()));
            } else if (value instanceof Collection<?> collection) {
                Array array = statement.getConnection().createArrayOf("text",
                        collection.stream().map(Object::toString).sorted().toArray());
                statement.setArray(index, array);
            } else if (value instanceof OrderedTexts texts) {
                statement.setArray(index, statement.getConnection().createArrayOf("text", texts.values().toArray()));
            } else if (value instanceof Json json) {
                statement.setObject(index, json.text(), Types.OTHER);
            } else {
                statement.setObject(index, value);
            }
        }
    }

    /** A parameter to bind as a {@code text[]} in the given order (a plain collection is bound sorted). */
    public record OrderedTexts(List<String> values) {
    }

    /** A parameter to bind as {@code jsonb}. */
    public record Json(String text) {
    }

    /** Reads a nullable timestamp column. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Reads a UUID column. */
    public static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    /** Reads a {@code text[]} column. */
    public static Set<String> textSet(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        if (array == null) {
            return Set.of();
        }
        return Set.copyOf(java.util.Arrays.asList((String[]) array.getArray()));
    }
}
