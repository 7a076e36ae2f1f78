package org.casebridge.requests.app;

import java.time.Instant;
import java.util.List;
import org.casebridge.requests.domain.Deadline;
import org.casebridge.requests.domain.Instrument;
import org.casebridge.requests.domain.ManifestVerification;
import org.casebridge.requests.domain.ReceivedManifest;
import org.casebridge.requests.domain.TrackedRequest;
import org.casebridge.requests.persistence.RequestStore;

/**
 * A request with everything its detail view shows.
 *
 * @param request        the request
 * @param instrument     its instrument
 * @param deadlines      its clocks as they stand at {@code asOf}
 * @param asOf           when they were evaluated
 * @param manifests      the deliveries, oldest first
 * @param storedChecks   each manifest checked again, as stored now, against the hash computed when it was recorded
 * @param notifications  deadline notifications raised
 */
public record RequestDetails(TrackedRequest request, Instrument instrument, List<Deadline> deadlines, Instant asOf,
                             List<ReceivedManifest> manifests, List<ManifestVerification> storedChecks,
                             List<RequestStore.Notification> notifications) {
}
