package org.casebridge.audit.app;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
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
 * change it describes: no change without its row, no row for a change that did not happen. Appending locks the
 * chain head until that transaction ends, and every appender on the node waits for that lock; so record as the
 * <em>last</em> step of a business transaction, after the slow work, to keep the lock short.
 *
 * <p>A denied or failed action usually rolls its transaction back, and the audit row with it. Record those with
 * {@code recordSeparately}, outside the failed transaction (for instance in the exception handler).
 */
@Singleton
public class AuditTrail {

    private final AuditLogStore store;
    private final CurrentActor currentActor;

    public AuditTrail(AuditLogStore store, CurrentActor currentActor) {
        this.store = store;
        this.currentActor = currentActor;
    }

    /**
     * Appends an event done by the user of the current HTTP request, in the current transaction.
     *
     * @return the appended row
     * @throws IllegalStateException outside an HTTP request: use {@link #record(AuditEvent, AuditActor)} there
     */
    @Transactional
    public AuditEntry record(AuditEvent event) {
        return append(event, currentActor.require());
    }

    /**
     * Appends an event done by the given actor (a partner's message, a scheduler: see {@link CurrentActor} for
     * ready-made actors), in the current transaction.
     *
     * @return the appended row
     */
    @Transactional
    public AuditEntry record(AuditEvent event, AuditActor actor) {
        return append(event, actor);
    }

    /**
     * Appends an event done by the user of the current HTTP request in a transaction of its own, which commits
     * whatever happens to the caller's. Do not call it from a transaction that has already recorded something: that
     * transaction holds the chain head lock this one would wait for.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public AuditEntry recordSeparately(AuditEvent event) {
        return append(event, currentActor.require());
    }

    /** Like {@link #recordSeparately(AuditEvent)} for an explicit actor. */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public AuditEntry recordSeparately(AuditEvent event, AuditActor actor) {
        return append(event, actor);
    }

    private AuditEntry append(AuditEvent event, AuditActor actor) {
        AuditLogStore.LockedHead locked = store.lockHead();
        AuditEntry entry = AuditChain.next(locked.head(), locked.now(), actor, event);
        store.append(entry);
        return entry;
    }
}
