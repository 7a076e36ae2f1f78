package org.casebridge.audit.persistence;

import java.time.Instant;

/**
 * Which audit rows to list; a null field does not filter.
 *
 * @param username   exact username
 * @param action     exact action name
 * @param objectType exact object type
 * @param objectId   exact object id
 * @param from       rows at or after this time
 * @param to         rows before this time
 */
public record AuditLogFilter(String username, String action, String objectType, String objectId, Instant from,
                             Instant to) {
}
