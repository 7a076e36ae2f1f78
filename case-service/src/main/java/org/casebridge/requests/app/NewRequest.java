package org.casebridge.requests.app;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.casebridge.requests.domain.DataAccessibility;
import org.casebridge.requests.domain.RequestItem;
import org.casebridge.requests.domain.RequestType;
import org.casebridge.requests.domain.Urgency;

/**
 * What an officer enters to draft a request.
 *
 * @param dueDate the due date proposed to the requested agency, for instruments without a legal limit; null if none
 */
public record NewRequest(UUID caseId, String requestedAgency, String instrument, RequestType type, Urgency urgency,
                         DataAccessibility accessibility, String legalBasis, String justification,
                         List<RequestItem> items, Instant dueDate) {
}
