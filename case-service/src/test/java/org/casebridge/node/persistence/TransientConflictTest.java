package org.casebridge.node.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class TransientConflictTest {

    private final TransientConflict predicate = new TransientConflict();

    @Test
    void aDeadlockDeepInTheCauseChainIsRetried() {
        var deadlock = new SQLException("deadlock detected", "40P01");
        assertThat(predicate.test(new RuntimeException("data access", new IllegalStateException(deadlock)))).isTrue();
    }

    @Test
    void aSerializationFailureIsRetried() {
        assertThat(predicate.test(new SQLException("could not serialize access", "40001"))).isTrue();
    }

    @Test
    void otherDatabaseErrorsAndOrdinaryFailuresAreNot() {
        assertThat(predicate.test(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(predicate.test(new SQLException("current transaction is aborted", "25P02"))).isFalse();
        assertThat(predicate.test(new IllegalArgumentException("bad input"))).isFalse();
    }
}
