package org.casebridge.exports.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.casebridge.exports.domain.Column;

/**
 * Reads the rows of a {@link TableQuery} one at a time through a server-side cursor, on a connection of its own.
 *
 * <p>PostgreSQL's driver fetches a whole result into memory unless autocommit is off and a fetch size is set; then it
 * fetches {@code fetchSize} rows at a time. The connection runs one read-only, repeatable-read transaction, so an
 * export is a consistent snapshot however long it takes. The values array is reused from row to row.
 */
public final class RowCursor implements AutoCloseable {

    /** Rows fetched per round trip. */
    public static final int DEFAULT_FETCH_SIZE = 2000;

    private final Connection connection;
    private final boolean autoCommitBefore;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final List<Column> columns;
    private final Object[] values;

    private RowCursor(Connection connection, boolean autoCommitBefore, PreparedStatement statement, ResultSet rows,
                      List<Column> columns) {
        this.connection = connection;
        this.autoCommitBefore = autoCommitBefore;
        this.statement = statement;
        this.rows = rows;
        this.columns = columns;
        this.values = new Object[columns.size()];
    }

    /** Opens a cursor on a new connection from the pool; closing the cursor returns the connection. */
    public static RowCursor open(DataSource dataSource, TableQuery query, int fetchSize) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            return open(connection, query, fetchSize);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Opens a cursor on the given connection; closing the cursor closes the connection. */
    public static RowCursor open(Connection connection, TableQuery query, int fetchSize) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        PreparedStatement statement = connection.prepareStatement(query.sql(), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        try {
            statement.setFetchSize(fetchSize);
            for (int i = 0; i < query.parameters().size(); i++) {
                bind(statement, i + 1, query.parameters().get(i));
            }
            return new RowCursor(connection, autoCommit, statement, statement.executeQuery(), query.columns());
        } catch (SQLException | RuntimeException e) {
            statement.close();
            connection.rollback();
            throw e;
        }
    }

    /** Counts the rows the query will give, in a short transaction of its own. */
    public static long count(DataSource dataSource, TableQuery query) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(query.countSql())) {
            for (int i = 0; i < query.parameters().size(); i++) {
                bind(statement, i + 1, query.parameters().get(i));
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            statement.setTimestamp(index, Timestamp.from(instant));
        } else if (value instanceof Enum<?> symbol) {
            statement.setString(index, symbol.name());
        } else if (value instanceof String[] array) {
            statement.setArray(index, statement.getConnection().createArrayOf("text", array));
        } else {
            statement.setObject(index, value);
        }
    }

    /** Moves to the next row; false when there is none. */
    public boolean next() throws SQLException {
        if (!rows.next()) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = read(i + 1, columns.get(i));
        }
        return true;
    }

    /** The current row's values, in column order. The array is reused by the next call to {@link #next()}. */
    public Object[] values() {
        return values;
    }

    private Object read(int index, Column column) throws SQLException {
        return switch (column.type()) {
            case TEXT, TIMESTAMP -> rows.getString(index);
            case NUMBER -> (Number) rows.getObject(index);
            case BOOLEAN -> {
                boolean value = rows.getBoolean(index);
                yield rows.wasNull() ? null : value;
            }
            case LIST -> {
                Array array = rows.getArray(index);
                yield array == null ? null : (Object[]) array.getArray();
            }
        };
    }

    @Override
    public void close() throws SQLException {
        try {
            rows.close();
            statement.close();
            connection.rollback();
            connection.setReadOnly(false);
            connection.setAutoCommit(autoCommitBefore);
        } finally {
            connection.close();
        }
    }
}
