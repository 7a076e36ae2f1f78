package org.casebridge.jointactions.persistence;

import java.time.Instant;
import org.casebridge.jointactions.domain.JointActionStatus;

/**
 * Filters and page of a joint action list, newest window first.
 *
 * @param status only actions in this status, or null
 * @param from   only actions whose window ends at or after this moment, or null
 * @param to     only actions whose window starts before this moment, or null
 * @param page   page number from 0
 * @param size   rows per page
 */
public record JointActionQuery(JointActionStatus status, Instant from, Instant to, int page, int size) {
}
