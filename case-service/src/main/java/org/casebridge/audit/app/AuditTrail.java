package org.casebridge.audit.app;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import org.casebridge.audit.domain.AuditActor;
import org.casebridge.audit.domain.AuditChain;
import org.casebridge.audit.domain.AuditEntry;
import org.casebridge.audit.domain.AuditEvent;
import org.casebridge.audit.persistence.AuditLogStore;

/**
 * Appends events to the hash-chained audit log. This is what every feature calls for each read and write of case
 * data.
 *
 * <p>{@code record} joins the caller's transaction (or starts one), so the audit row commits or rolls back with the
 * change it describes: no change without its row, no row for a change that did not happen. A read-only transaction
 * cannot insert, so there the row is appended in a transaction of its own (a read has happened either way).
 *
 * <p>Appending locks the chain head until the transaction ends, and every appender on the node waits for that lock.
 * So record as the <em>last</em> step of a business transaction: the lock is then held only for the commit, and a
 * transaction never waits for another lock while holding this one (which could deadlock with a transaction that
 * took the other lock first and now waits to record).
 *
 * <p>A denied or failed action usually rolls its transaction back, and the audit row with it. Record those with
 * {@code recordSeparately}, outside the failed transaction (for instance in the exception handler).
 */
@Singleton
public class AuditTrail {

    private final AuditLogStore store;
    private final CurrentActor currentActor;
    private final TransactionOperations<Connection> transactions;

    public AuditTrail(AuditLogStore store, CurrentActor currentActor, TransactionOperations<Connection> transactions) {
        this.store = store;
        this.currentActor = currentActor;
        this.transactions = transactions;
    }

    /**
     * Appends an event done by the user of the current HTTP request, in the current transaction.
     *
     * @return the appended row
     * @throws IllegalStateException outside an HTTP request: use {@link #record(AuditEvent, AuditActor)} there
     */
    public AuditEntry record(AuditEvent event) {
        return record(event, currentActor.require());
    }

    /**
     * Appends an event done by the given actor (a partner's message, a scheduler: see {@link CurrentActor} for
     * ready-made actors), in the current transaction.
     *
     * @return the appended row
     */
    public AuditEntry record(AuditEvent event, AuditActor actor) {
        Propagation propagation = inReadOnlyTransaction() ? Propagation.REQUIRES_NEW : Propagation.REQUIRED;
        return transactions.execute(TransactionDefinition.of(propagation), status -> append(event, actor));
    }

    /**
     * Appends an event done by the user of the current HTTP request in a transaction of its own, which commits
     * whatever happens to the caller's. Do not call it from a transaction that has already recorded something: that
     * transaction holds the chain head lock this one would wait for.
     *
     * @return the appended row
     */
    public AuditEntry recordSeparately(AuditEvent event) {
        return recordSeparately(event, currentActor.require());
    }

    /** Like {@link #recordSeparately(AuditEvent)} for an explicit actor. */
    public AuditEntry recordSeparately(AuditEvent event, AuditActor actor) {
        return transactions.execute(TransactionDefinition.of(Propagation.REQUIRES_NEW),
                status -> append(event, actor));
    }

    private boolean inReadOnlyTransaction() {
        return transactions.findTransactionStatus()
                .map(status -> status.getTransactionDefinition().isReadOnly().orElse(false))
                .orElse(false);
    }

    private AuditEntry append(AuditEvent event, AuditActor actor) {
        AuditLogStore.LockedHead locked = store.lockHead();
        AuditEntry entry = AuditChain.next(locked.head(), locked.now(), actor, event);
        store.append(entry);
        return entry;
    }
}
