package org.casebridge.cases.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A case shared with one partner agency.
 *
 * @param caseId     the case
 * @param agency     the partner
 * @param status     active, revoked (purge awaited) or purged (confirmed)
 * @param sharedAt   when it was shared
 * @param sharedBy   who shared it
 * @param revokedAt  when it was revoked, or null
 * @param purgedAt   when the partner confirmed its purge, or null
 */
public record CaseShare(UUID caseId, String agency, ShareStatus status, Instant sharedAt, String sharedBy,
                        Instant revokedAt, Instant purgedAt) {
}
