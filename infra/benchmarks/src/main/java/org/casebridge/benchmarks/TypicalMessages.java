package org.casebridge.benchmarks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.casebridge.messages.v1.EvidenceRequestSent;
import org.casebridge.messages.v1.EvidenceRequestType;
import org.casebridge.messages.v1.HandlingMarking;
import org.casebridge.messages.v1.IdentifierType;
import org.casebridge.messages.v1.RequestItem;
import org.casebridge.messages.v1.TimeRange;
import org.casebridge.messages.v1.Urgency;
import org.casebridge.schema.codec.EnvelopeHeader;

/** A typical evidence request: three identifiers, a paragraph of description, AMBER. About 1 KiB on the wire. */
final class TypicalMessages {

    static final String SENDER = "DE-BKA";
    static final String RECIPIENT = "NL-NHTC";

    private TypicalMessages() {
    }

    static EnvelopeHeader header(long sequenceNumber) {
        UUID id = UUID.randomUUID();
        return new EnvelopeHeader(id, id, null, SENDER, RECIPIENT, Instant.now(), sequenceNumber, HandlingMarking.AMBER);
    }

    static EvidenceRequestSent evidenceRequest() {
        Instant now = Instant.parse("2026-03-02T09:15:30Z");
        TimeRange lastWeek = new TimeRange(now.minusSeconds(7 * 86_400), now);
        return EvidenceRequestSent.newBuilder()
                .setRequestId(UUID.randomUUID()).setReference("DE-BKA-RQ-2026-0042").setCaseReference("DE-BKA-2026-000123")
                .setCaseId(UUID.randomUUID()).setRequestingAgency(SENDER).setRequestedAgency(RECIPIENT)
                .setInstrument("EU_EPOC").setRequestType(EvidenceRequestType.SUBSCRIBER_INFO).setUrgency(Urgency.NORMAL)
                .setCrimeCategories(List.of("RANSOMWARE", "ILLEGAL_ACCESS"))
                .setLegalBasis("Sections 303a, 303b StGB (data interference, computer sabotage)")
                .setDescription("Subscriber and account data for the identifiers below, which were used to operate the "
                        + "negotiation portal of a ransomware group that encrypted the file servers of a hospital.")
                .setItems(List.of(
                        item(IdentifierType.IP_ADDRESS, "2001:db8::17", null, lastWeek),
                        item(IdentifierType.EMAIL_ADDRESS, "negotiator@example.org", null, lastWeek),
                        item(IdentifierType.ACCOUNT_HANDLE, "@lockdown_support", "telegram", lastWeek)))
                .setApprovedBy("supervisor.meyer").setSubmittedAt(now).build();
    }

    private static RequestItem item(IdentifierType type, String value, String qualifier, TimeRange range) {
        return RequestItem.newBuilder().setItemId(UUID.randomUUID()).setIdentifierType(type).setValue(value)
                .setQualifier(qualifier).setTimeRange(range).build();
    }
}
