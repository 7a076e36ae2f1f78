package org.casebridge.audit.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One row of the audit log as stored: the event, its actor, its place in the chain and its hash.
 *
 * <p>Action and outcome are kept as the stored text, not as enums, so that rows written by another version of the
 * node can still be listed and verified. The time is cut to microseconds, the precision PostgreSQL stores, so an
 * entry hashes the same before it is written and after it is read back.
 *
 * @param sequence   position in the chain, 1 for the first row, without gaps
 * @param occurredAt when the row was appended (UTC)
 * @param username   see {@link AuditActor#username()}
 * @param agency     see {@link AuditActor#agency()}
 * @param roles      sorted, comma-separated roles, empty for none
 * @param action     an {@link AuditAction} name
 * @param objectType see {@link AuditEvent#objectType()}, may be null
 * @param objectId   see {@link AuditEvent#objectId()}, may be null
 * @param outcome    an {@link AuditOutcome} name
 * @param requestId  may be null
 * @param detail     may be null
 * @param prevHash   hash of the row before, {@link AuditChain#GENESIS_HASH} for the first row
 * @param hash       {@link AuditChain#hashOf(AuditEntry)} as computed when the row was appended
 */
public record AuditEntry(long sequence, Instant occurredAt, String username, String agency, String roles,
                         String action, String objectType, String objectId, String outcome, String requestId,
                         String detail, String prevHash, String hash) {

    public AuditEntry {
        Objects.requireNonNull(occurredAt, "occurredAt");
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    }
}
