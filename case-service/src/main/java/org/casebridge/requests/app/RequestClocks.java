package org.casebridge.requests.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.requests.domain.DeadlineSummary;
import org.casebridge.requests.domain.EvidenceRequest;
import org.casebridge.requests.domain.InstrumentCatalogue;
import org.casebridge.requests.domain.LegalClock;

/** The legal clocks of requests: their instrument from the catalogue, counted in the requested agency's zone. */
@Singleton
public class RequestClocks {

    private final InstrumentCatalogue catalogue;
    private final PartnerDirectory directory;
    private final Clock clock;

    public RequestClocks(InstrumentCatalogue catalogue, PartnerDirectory directory, Clock clock) {
        this.catalogue = catalogue;
        this.directory = directory;
        this.clock = clock;
    }

    /** Now, to the millisecond: the message contract carries milliseconds, and both nodes must hold the same times. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public LegalClock of(EvidenceRequest request) {
        return LegalClock.of(catalogue.require(request.instrumentCode()),
                directory.require(request.requestedAgency()).timeZone());
    }

    public DeadlineSummary summary(EvidenceRequest request, Instant asOf) {
        return DeadlineSummary.of(request, of(request), asOf);
    }

    public InstrumentCatalogue catalogue() {
        return catalogue;
    }
}
