package org.casebridge.requests.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.casebridge.directory.HandlingMarking;
import org.casebridge.messages.v1.EvidenceRequestFulfilled;
import org.casebridge.messages.v1.EvidenceRequestSent;
import org.casebridge.requests.domain.Actor;
import org.casebridge.requests.domain.ClockAnchor;
import org.casebridge.requests.domain.ClockRule;
import org.casebridge.requests.domain.CustodyAction;
import org.casebridge.requests.domain.CustodyEntry;
import org.casebridge.requests.domain.DataAccessibility;
import org.casebridge.requests.domain.EvidenceItem;
import org.casebridge.requests.domain.EvidenceManifest;
import org.casebridge.requests.domain.EvidenceRequest;
import org.casebridge.requests.domain.HashAlgorithm;
import org.casebridge.requests.domain.Instrument;
import org.casebridge.requests.domain.InstrumentKind;
import org.casebridge.requests.domain.InvalidRequestException;
import org.casebridge.requests.domain.LegalPeriod;
import org.casebridge.requests.domain.Milestone;
import org.casebridge.requests.domain.RequestDirection;
import org.casebridge.requests.domain.RequestItem;
import org.casebridge.requests.domain.RequestType;
import org.casebridge.requests.domain.TimeRange;
import org.casebridge.requests.domain.TrackedRequest;
import org.casebridge.requests.domain.Urgency;
import org.junit.jupiter.api.Test;

/** What travels is what both nodes then hold: items and manifests survive the trip through the contract. */
class RequestMessagesTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00.123Z");
    private static final TimeRange RANGE = new TimeRange(Instant.parse("2026-03-01T00:00:00Z"),
            Instant.parse("2026-03-02T00:00:00Z"));
    private static final Instrument INFO = new Instrument("EU_2023_977", "Information", "Directive (EU) 2023/977",
            InstrumentKind.INFORMATION, List.of(new ClockRule(Milestone.RESPOND, LegalPeriod.parse("P7D"), false,
            ClockAnchor.RECEIPT, java.util.Set.of(), java.util.Set.of(DataAccessibility.DIRECT,
            DataAccessibility.INDIRECT))), 75, null);

    private final RequestMessages messages = new RequestMessages();

    @Test
    void aSentRequestCarriesItsItemsAndAccessibility() {
        List<RequestItem> items = List.of(
                new RequestItem.IpAddress("203.0.113.7", 51234, AT, RANGE),
                new RequestItem.Account("telegram.org", "@seller", RANGE),
                new RequestItem.FileHash(HashAlgorithm.SHA_256, "ab".repeat(32), RANGE));
        EvidenceRequest request = EvidenceRequest.draft(UUID.randomUUID(), UUID.randomUUID(), "DE-BKA", "NL-NHTC",
                        INFO, RequestType.SUBSCRIBER_INFO, Urgency.URGENT, DataAccessibility.INDIRECT, null, "why",
                        items, "anna", AT)
                .submit(new Actor("DE-BKA", "anna"), AT)
                .approve(new Actor("DE-BKA", "sam"), AT);
        TrackedRequest tracked = new TrackedRequest(request, "DE-BKA-ER-2026-000001", RequestDirection.OUTBOUND,
                "DE-BKA-2026-000001", HandlingMarking.AMBER, List.of("COMPUTER_FRAUD"),
                List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()), null, List.of(), AT, false, 3);

        EvidenceRequestSent sent = messages.sent(tracked, AT);

        assertThat(sent.getApprovedBy()).isEqualTo("sam");
        assertThat(sent.getAuthor()).isEqualTo("anna");
        assertThat(messages.authorOf(sent)).isEqualTo("anna");
        // accessibility has its own field; the emergency justification is left for emergencies
        assertThat(sent.getAccessibility()).isEqualTo(org.casebridge.messages.v1.DataAccessibility.INDIRECT);
        assertThat(sent.getEmergencyJustification()).isNull();
        assertThat(sent.getItems().get(2).getQualifier()).isEqualTo("SHA256");
        assertThat(messages.itemsOf(sent)).isEqualTo(items);
        assertThat(messages.itemIdsOf(sent)).isEqualTo(tracked.itemIds());
        assertThat(messages.accessibilityOf(sent)).isEqualTo(DataAccessibility.INDIRECT);
    }

    @Test
    void aRequestFromAnOlderSenderStillYieldsItsAccessibilityAndNamesItsApproverAsAuthor() {
        EvidenceRequestSent older = olderSender("accessibility=DIRECT");

        assertThat(older.getAccessibility()).isNull();
        assertThat(messages.accessibilityOf(older)).isEqualTo(DataAccessibility.DIRECT);
        assertThat(messages.accessibilityOf(olderSender("accessibility=INDIRECT")))
                .isEqualTo(DataAccessibility.INDIRECT);
        // an emergency justification that is just that carries no accessibility
        assertThat(messages.accessibilityOf(olderSender("Ongoing extortion of a hospital"))).isNull();
        assertThat(messages.accessibilityOf(olderSender("accessibility=SOMEWHERE"))).isNull();
        assertThat(messages.accessibilityOf(olderSender(null))).isNull();
        // without an author field, the approver is all the sender said
        assertThat(messages.authorOf(older)).isEqualTo("sam");
    }

    @Test
    void theFieldWinsOverTheOldFormAndAnUnknownSymbolIsNotGiven() {
        EvidenceRequestSent both = olderSender("accessibility=DIRECT");
        both.setAccessibility(org.casebridge.messages.v1.DataAccessibility.INDIRECT);
        EvidenceRequestSent unknown = olderSender(null);
        unknown.setAccessibility(org.casebridge.messages.v1.DataAccessibility.UNKNOWN);

        assertThat(messages.accessibilityOf(both)).isEqualTo(DataAccessibility.INDIRECT);
        assertThat(messages.accessibilityOf(unknown)).isNull();
    }

    @Test
    void aClosingCarriesWhoClosedWhenAndWhy() {
        UUID requestId = UUID.randomUUID();

        var closed = messages.closed(requestId, "anna", "Evidence checked", AT);

        assertThat(closed.getRequestId()).isEqualTo(requestId);
        assertThat(closed.getClosedBy()).isEqualTo("anna");
        assertThat(closed.getNote()).isEqualTo("Evidence checked");
        assertThat(closed.getClosedAt()).isEqualTo(AT);
    }

    /** A request as a sender before the accessibility and author fields wrote it. */
    private static EvidenceRequestSent olderSender(String emergencyJustification) {
        return EvidenceRequestSent.newBuilder().setRequestId(UUID.randomUUID()).setReference("DE-BKA-ER-2026-000009")
                .setRequestingAgency("DE-BKA").setRequestedAgency("NL-NHTC").setInstrument("EU_2023_977")
                .setRequestType(org.casebridge.messages.v1.EvidenceRequestType.SUBSCRIBER_INFO)
                .setUrgency(org.casebridge.messages.v1.Urgency.URGENT)
                .setEmergencyJustification(emergencyJustification).setLegalBasis("basis").setDescription("why")
                .setApprovedBy("sam").setSubmittedAt(AT)
                // set explicitly: the builder's defaults would be copied through Avro's class lookup
                .setCaseReference(null).setCaseId(null).setCrimeCategories(List.of()).setItems(List.of())
                .setAgreedDueDate(null).setAccessibility(null).setAuthor(null).build();
    }

    @Test
    void bothNodesHashTheSameManifest() {
        UUID requestId = UUID.randomUUID();
        EvidenceItem item = new EvidenceItem("Subscriber record", "application/pdf", 4096, "AB".repeat(32), AT,
                "Production", List.of(
                        new CustodyEntry("j.devries@NL-NHTC", AT, CustodyAction.COLLECTED, null),
                        new CustodyEntry("vault", AT.plusSeconds(60), CustodyAction.STORED, "shelf 3")));
        EvidenceRequestFulfilled fulfilled = messages.fulfilled(requestId, "NL-NHTC", true,
                List.of(new RequestMessages.ProducedItem(null, item)), "SIENA", "ref", null, AT);

        EvidenceManifest atProducer = messages.manifestOf(fulfilled, "NL-NHTC");
        EvidenceManifest atReceiver = messages.manifestOf(fulfilled, "NL-NHTC");

        assertThat(atReceiver.hash()).isEqualTo(atProducer.hash());
        List<CustodyEntry> custody = atReceiver.items().get(0).custody();
        assertThat(custody.get(0).handledBy()).isEqualTo("j.devries@NL-NHTC");
        // the contract has no STORED: it travels as OTHER, named in the note
        assertThat(custody.get(1).handledBy()).isEqualTo("vault@NL-NHTC");
        assertThat(custody.get(1).action()).isEqualTo(CustodyAction.OTHER);
        assertThat(custody.get(1).note()).isEqualTo("STORED: shelf 3");
        assertThat(atReceiver.items().get(0).sha256()).isEqualTo("ab".repeat(32));
    }

    @Test
    void aMalformedManifestNamesItsField() {
        EvidenceItem item = new EvidenceItem("Record", "application/pdf", 10, "not-a-hash", AT, "Production",
                List.of(new CustodyEntry("x@NL-NHTC", AT, CustodyAction.COLLECTED, null)));
        EvidenceRequestFulfilled fulfilled = messages.fulfilled(UUID.randomUUID(), "NL-NHTC", false,
                List.of(new RequestMessages.ProducedItem(null, item)), null, null, null, AT);
        assertThatThrownBy(() -> messages.manifestOf(fulfilled, "NL-NHTC"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("items[0].sha256"));
    }
}
