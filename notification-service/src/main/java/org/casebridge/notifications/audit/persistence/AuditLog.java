package org.casebridge.notifications.audit.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Clock;

/** Records administrative changes and the service's own decisions about them, last in their transaction. */
@Singleton
public class AuditLog {

    /** Actor of the service's own decisions. */
    public static final String SYSTEM = "system";

    private final JdbcOperations jdbc;
    private final Clock clock;

    public AuditLog(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(String actor, String action, String subject, String detail) {
        jdbc.prepareStatement("INSERT INTO audit_entry (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
                s -> {
                    s.setTimestamp(1, Timestamp.from(clock.instant()));
                    s.setString(2, actor);
                    s.setString(3, action);
                    s.setString(4, subject);
                    s.setString(5, detail);
                    return s.executeUpdate();
                });
    }
}
