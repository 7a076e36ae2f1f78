package org.casebridge.audit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.casebridge.audit.domain.AuditAction;
import org.casebridge.audit.domain.AuditActor;
import org.casebridge.audit.domain.AuditChain;
import org.casebridge.audit.domain.AuditChainHead;
import org.casebridge.audit.domain.AuditEntry;
import org.casebridge.audit.domain.AuditEvent;
import org.casebridge.audit.domain.AuditVerification;
import org.casebridge.audit.domain.ChainBreak;
import org.casebridge.audit.persistence.AuditLogStore;
import org.casebridge.infra.junit.NodeTestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The database keeps the audit log append-only, and whoever gets past it by hand (disabling the triggers, as the
 * table's owner or a superuser can) is caught by verification at exactly the row they touched. Each test puts the
 * row back the same way, so the chain verifies again afterwards.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogTamperingIT implements TestPropertyProvider {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final int ROWS = 20;

    @Inject
    AuditTrail auditTrail;
    @Inject
    AuditChainVerifier verifier;
    @Inject
    AuditLogStore store;

    private Map<String, String> properties;
    private Connection session;

    @Override
    public Map<String, String> getProperties() {
        if (properties == null) {
            properties = NodeTestProperties.forAgency("DE-BKA", "audit_tampering");
        }
        return properties;
    }

    @BeforeAll
    void appendRows() {
        AuditActor actor = AuditActor.user("k.weber", "DE-BKA", List.of("LIAISON"), "req-tamper");
        for (int i = 1; i <= ROWS; i++) {
            auditTrail.record(AuditEvent.success(AuditAction.CASE_READ, "CASE", "case-" + i), actor);
        }
        assertThat(verifier.verify().valid()).isTrue();
    }

    @AfterAll
    void closeSession() throws SQLException {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void updateIsRefusedByTheDatabase() {
        assertThatThrownBy(() -> execute("UPDATE audit_log SET username = 'someone.else' WHERE sequence_number = 3"))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE);
                    assertThat(e.getMessage()).contains("audit_log is append-only: UPDATE is not allowed");
                });
    }

    @Test
    void deleteIsRefusedByTheDatabase() {
        assertThatThrownBy(() -> execute("DELETE FROM audit_log WHERE sequence_number = 3"))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE);
                    assertThat(e.getMessage()).contains("DELETE is not allowed");
                });
    }

    @Test
    void truncateIsRefusedByTheDatabase() {
        assertThatThrownBy(() -> execute("TRUNCATE audit_log"))
                .isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getMessage()).contains("TRUNCATE is not allowed"));
    }

    @Test
    void chainHeadCannotBeMovedByHand() {
        assertThatThrownBy(() -> execute("UPDATE audit_chain_head SET last_sequence = 0"))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE);
                    assertThat(e.getMessage()).contains("audit_chain_head moves only when a row is appended");
                });
        assertThatThrownBy(() -> execute("DELETE FROM audit_chain_head"))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void rowThatDoesNotExtendTheHeadIsRefused() {
        AuditEntry forged = AuditChain.next(
                new AuditChainHead(store.readHead().lastSequence(), "f".repeat(64)),
                Instant.now(), AuditActor.system("DE-BKA", null),
                AuditEvent.success(AuditAction.CASE_READ, "CASE", "forged"));
        assertThatThrownBy(() -> execute("INSERT INTO audit_log (sequence_number, occurred_at, username, agency, roles,"
                + " action, outcome, prev_hash, hash) VALUES (" + forged.sequence() + ", now(), 'system', 'DE-BKA', '',"
                + " 'CASE_READ', 'SUCCESS', '" + forged.prevHash() + "', '" + forged.hash() + "')"))
                .isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getMessage()).contains("does not extend the chain head"));
        assertThat(verifier.verify().valid()).isTrue();
    }

    @Test
    void columnChangedByHandIsDetectedAtThatRow() throws SQLException {
        execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
                "UPDATE audit_log SET object_id = 'case-other' WHERE sequence_number = 7",
                "ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
        try {
            AuditVerification result = verifier.verify();

            assertThat(result.valid()).isFalse();
            assertThat(result.firstBrokenSequence()).isEqualTo(7);
            assertThat(result.reason()).isEqualTo(ChainBreak.HASH_MISMATCH);
            assertThat(result.rowsChecked()).isEqualTo(6);
        } finally {
            execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
                    "UPDATE audit_log SET object_id = 'case-7' WHERE sequence_number = 7",
                    "ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
        }
        assertThat(verifier.verify().valid()).isTrue();
    }

    @Test
    void timeChangedByHandIsDetectedAtThatRow() throws SQLException {
        AuditEntry original = store.readInSequence(11, 12, 1).get(0);
        execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
                "UPDATE audit_log SET occurred_at = occurred_at - interval '1 hour' WHERE sequence_number = 12",
                "ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
        try {
            AuditVerification result = verifier.verify();

            assertThat(result.firstBrokenSequence()).isEqualTo(12);
            assertThat(result.reason()).isEqualTo(ChainBreak.HASH_MISMATCH);
        } finally {
            execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
                    "UPDATE audit_log SET occurred_at = '" + AuditChain.formatTime(original.occurredAt())
                            + "' WHERE sequence_number = 12",
                    "ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
        }
        assertThat(verifier.verify().valid()).isTrue();
    }

    @Test
    void rowDeletedByHandIsReportedMissingAtItsSequence() throws SQLException {
        execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
                "CREATE TEMPORARY TABLE deleted_audit_row AS SELECT * FROM audit_log WHERE sequence_number = 9",
                "DELETE FROM audit_log WHERE sequence_number = 9",
                "ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
        // The temporary table lives as long as this test's connection: keep one open for both halves.
        try {
            AuditVerification result = verifier.verify();

            assertThat(result.valid()).isFalse();
            assertThat(result.firstBrokenSequence()).isEqualTo(9);
            assertThat(result.reason()).isEqualTo(ChainBreak.MISSING_ROW);
        } finally {
            execute("ALTER TABLE audit_log DISABLE TRIGGER USER",
                    "INSERT INTO audit_log SELECT * FROM deleted_audit_row",
                    "ALTER TABLE audit_log ENABLE TRIGGER USER");
        }
        assertThat(verifier.verify().valid()).isTrue();
    }

    /** Runs statements in one session of the node's database user, the owner of the tables, as a person would. */
    private void execute(String... statements) throws SQLException {
        try (Statement statement = byHand().createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private Connection byHand() throws SQLException {
        if (session == null || session.isClosed()) {
            session = DriverManager.getConnection(properties.get("datasources.default.url"),
                    properties.get("datasources.default.username"), properties.get("datasources.default.password"));
        }
        return session;
    }
}
