package org.casebridge.node.persistence;

import io.micronaut.retry.annotation.RetryPredicate;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells which failures are worth running a whole transaction again: PostgreSQL's deadlock and serialization
 * failures. An officer's step and a partner's message can take the same channel and aggregate rows in opposite
 * orders (a first message to a partner creates its sequence row, a relay locks several channels); PostgreSQL
 * breaks such a cycle by aborting one side, and that side succeeds when simply repeated.
 */
public class TransientConflict implements RetryPredicate {

    /** SQLSTATE 40P01 deadlock_detected and 40001 serialization_failure. */
    private static final Set<String> RETRYABLE_STATES = Set.of("40P01", "40001");

    @Override
    public boolean test(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && RETRYABLE_STATES.contains(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
