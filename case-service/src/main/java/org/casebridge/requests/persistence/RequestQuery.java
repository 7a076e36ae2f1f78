package org.casebridge.requests.persistence;

import java.time.Instant;
import org.casebridge.requests.domain.RequestDirection;
import org.casebridge.requests.domain.RequestStatus;
import org.casebridge.requests.domain.Urgency;

/**
 * A filter over the requests this node holds; null fields do not filter. Results come soonest deadline first,
 * requests without a running deadline last (newest first among them).
 *
 * @param direction  inbound or outbound
 * @param status     one status
 * @param urgency    one urgency
 * @param instrument an instrument code
 * @param partner    the agency on the other side
 * @param dueBefore  only requests whose next deadline falls before this instant
 * @param page       page number from 0
 * @param size       rows per page
 */
public record RequestQuery(RequestDirection direction, RequestStatus status, Urgency urgency, String instrument,
                           String partner, Instant dueBefore, int page, int size) {
}
