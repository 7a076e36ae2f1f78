package org.casebridge.audit.persistence;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.casebridge.audit.domain.AuditChainHead;
import org.casebridge.audit.domain.AuditEntry;

/**
 * Reads and appends rows of {@code audit_log} and its one-row {@code audit_chain_head}.
 *
 * <p>Plain JDBC on the connection of the current transaction rather than a Micronaut Data repository: the table
 * has no updates (an entity repository would offer them), appending needs a row lock on the head
 * ({@code SELECT ... FOR UPDATE}) and verification streams rows by keyset, all of which read more plainly as SQL.
 * Every method runs on the caller's transaction; the read-only ones open a short one of their own when there is none.
 */
@Singleton
public class AuditLogStore {

    private static final String COLUMNS = "sequence_number, occurred_at, username, agency, roles, action, "
            + "object_type, object_id, outcome, request_id, detail, prev_hash, hash";

    private final TransactionOperations<Connection> transactions;

    public AuditLogStore(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * Locks the chain head until the current transaction ends and returns it with the database's clock. Appenders
     * queue here one at a time, so each sees the hash the previous one wrote and the chain cannot fork.
     */
    public LockedHead lockHead() {
        String sql = "SELECT last_sequence, last_hash, clock_timestamp() FROM audit_chain_head FOR UPDATE";
        try (PreparedStatement statement = connection().prepareStatement(sql);
             ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("audit_chain_head has no row; the audit migration did not run");
            }
            return new LockedHead(new AuditChainHead(row.getLong(1), row.getString(2)),
                    row.getObject(3, OffsetDateTime.class).toInstant());
        } catch (SQLException e) {
            throw new AuditStorageException("cannot lock the audit chain head", e);
        }
    }

    /**
     * Appends a sealed row. The database checks that it extends the head and moves the head to it (trigger
     * {@code audit_log_extends_head}); the caller must hold the head lock ({@link #lockHead()}).
     */
    public void append(AuditEntry entry) {
        String sql = "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection().prepareStatement(sql)) {
            statement.setLong(1, entry.sequence());
            statement.setObject(2, entry.occurredAt().atOffset(java.time.ZoneOffset.UTC));
            statement.setString(3, entry.username());
            statement.setString(4, entry.agency());
            statement.setString(5, entry.roles());
            statement.setString(6, entry.action());
            statement.setString(7, entry.objectType());
            statement.setString(8, entry.objectId());
            statement.setString(9, entry.outcome());
            statement.setString(10, entry.requestId());
            statement.setString(11, entry.detail());
            statement.setString(12, entry.prevHash());
            statement.setString(13, entry.hash());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new AuditStorageException("cannot append audit row " + entry.sequence(), e);
        }
    }

    /** The chain head as committed, without locking it. */
    @ReadOnly
    public AuditChainHead readHead() {
        String sql = "SELECT last_sequence, last_hash FROM audit_chain_head";
        try (PreparedStatement statement = connection().prepareStatement(sql);
             ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("audit_chain_head has no row; the audit migration did not run");
            }
            return new AuditChainHead(row.getLong(1), row.getString(2));
        } catch (SQLException e) {
            throw new AuditStorageException("cannot read the audit chain head", e);
        }
    }

    /**
     * Up to {@code limit} rows with {@code afterSequence < sequence <= upToSequence}, in sequence order: one page of
     * a keyset scan, which costs the same at row ten million as at row ten.
     */
    @ReadOnly
    public List<AuditEntry> readInSequence(long afterSequence, long upToSequence, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM audit_log WHERE sequence_number > ? AND sequence_number <= ? "
                + "ORDER BY sequence_number LIMIT ?";
        try (PreparedStatement statement = connection().prepareStatement(sql)) {
            statement.setLong(1, afterSequence);
            statement.setLong(2, upToSequence);
            statement.setInt(3, limit);
            return readAll(statement);
        } catch (SQLException e) {
            throw new AuditStorageException("cannot read audit rows after " + afterSequence, e);
        }
    }

    /** One page of rows matching the filter, newest first. */
    @ReadOnly
    public List<AuditEntry> search(AuditLogFilter filter, long offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM audit_log WHERE TRUE");
        List<Object> parameters = new ArrayList<>();
        condition(sql, parameters, " AND username = ?", filter.username());
        condition(sql, parameters, " AND action = ?", filter.action());
        condition(sql, parameters, " AND object_type = ?", filter.objectType());
        condition(sql, parameters, " AND object_id = ?", filter.objectId());
        condition(sql, parameters, " AND occurred_at >= ?", timestamp(filter.from()));
        condition(sql, parameters, " AND occurred_at < ?", timestamp(filter.to()));
        sql.append(" ORDER BY sequence_number DESC LIMIT ? OFFSET ?");
        parameters.add(limit);
        parameters.add(offset);
        try (PreparedStatement statement = connection().prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return readAll(statement);
        } catch (SQLException e) {
            throw new AuditStorageException("cannot search the audit log", e);
        }
    }

    private Connection connection() {
        return transactions.getConnection();
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            parameters.add(value);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }

    private static List<AuditEntry> readAll(PreparedStatement statement) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                entries.add(new AuditEntry(
                        rows.getLong("sequence_number"),
                        rows.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rows.getString("username"),
                        rows.getString("agency"),
                        rows.getString("roles"),
                        rows.getString("action"),
                        rows.getString("object_type"),
                        rows.getString("object_id"),
                        rows.getString("outcome"),
                        rows.getString("request_id"),
                        rows.getString("detail"),
                        rows.getString("prev_hash"),
                        rows.getString("hash")));
            }
        }
        return entries;
    }

    /**
     * The locked chain head and the database's clock at the time of locking, which becomes the row's time: one
     * clock for every instance of the node.
     *
     * @param head the head as it is now, locked by this transaction
     * @param now  the database's current time
     */
    public record LockedHead(AuditChainHead head, Instant now) {
    }
}
