package org.casebridge.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.casebridge.requests.RequestApi.BASE;
import static org.casebridge.requests.RequestApi.count;
import static org.casebridge.requests.RequestApi.createCase;
import static org.casebridge.requests.RequestApi.draftBody;
import static org.casebridge.requests.RequestApi.events;
import static org.casebridge.requests.RequestApi.get;
import static org.casebridge.requests.RequestApi.list;
import static org.casebridge.requests.RequestApi.post;
import static org.casebridge.testkit.TopicContents.header;
import static org.casebridge.testkit.TopicContents.readAll;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.casebridge.directory.PartnerAgency;
import org.casebridge.events.v1.DomainEvent;
import org.casebridge.events.v1.DomainEventType;
import org.casebridge.infra.demo.DemoAgencyKeys;
import org.casebridge.infra.junit.SharedInfrastructure;
import org.casebridge.messages.v1.CustodyAction;
import org.casebridge.messages.v1.CustodyEntry;
import org.casebridge.messages.v1.DeliveryOutcome;
import org.casebridge.messages.v1.DeliveryReceipt;
import org.casebridge.messages.v1.EvidenceItem;
import org.casebridge.messages.v1.EvidenceManifest;
import org.casebridge.messages.v1.EvidenceRequestClosed;
import org.casebridge.messages.v1.EvidenceRequestDecided;
import org.casebridge.messages.v1.EvidenceRequestFulfilled;
import org.casebridge.messages.v1.EvidenceRequestInformationProvided;
import org.casebridge.messages.v1.EvidenceRequestReceived;
import org.casebridge.messages.v1.EvidenceRequestSent;
import org.casebridge.messages.v1.EvidenceRequestType;
import org.casebridge.messages.v1.EvidenceRequestWithdrawn;
import org.casebridge.messages.v1.HandlingMarking;
import org.casebridge.messages.v1.IdentifierType;
import org.casebridge.messages.v1.RequestDecision;
import org.casebridge.messages.v1.RequestItem;
import org.casebridge.messages.v1.TimeRange;
import org.casebridge.messages.v1.Urgency;
import org.casebridge.schema.KafkaHeaders;
import org.casebridge.schema.KafkaTopics;
import org.casebridge.schema.codec.EnvelopeHeader;
import org.casebridge.schema.codec.MessageCodec;
import org.casebridge.schema.codec.SenderKeys;
import org.casebridge.schema.codec.VerifiedMessage;
import org.casebridge.schema.crypto.SigningKey;
import org.casebridge.security.domain.Role;
import org.casebridge.testkit.PartnerProducer;
import org.casebridge.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The node checks every evidence request message exactly as the sender's node checks the step: a message the
 * lifecycle does not allow from the request's status, or not from the sender's side, gets a refused receipt and a
 * dead-letter record and changes nothing. Manifests are checked on arrival and flagged when they do not match.
 *
 * <p>The partner here (BE-FCCU) has no running node: the test signs its messages with its demo key and reads the
 * node's receipts in its inbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceRequestInboxIT {

    private static final String PARTNER = "BE-FCCU";
    private static final String NODE = "NL-NHTC";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final MessageCodec codec = MessageCodec.create();
    private final SigningKey partnerKey = SigningKey.of(DemoAgencyKeys.load().privateKey(PARTNER));
    private final SigningKey strangerKey = SigningKey.of(DemoAgencyKeys.load().privateKey("FR-OFAC"));
    private TestNode node;
    private KafkaProducer<String, byte[]> producer;
    private long sequence = 1;
    private long strangerSequence = 1;

    @BeforeAll
    void start() {
        node = TestNode.start(NODE);
        producer = PartnerProducer.open(PARTNER);
    }

    @AfterAll
    void stop() {
        if (producer != null) {
            producer.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void outOfOrderAndForeignMessagesAboutAnInboundRequestAreRefused() {
        UUID requestId = UUID.randomUUID();
        UUID sentId = send(requestId, sent(requestId, "203.0.113.9"));
        assertApplied(sentId);
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> "RECEIVED".equals(get(node, BASE + "/" + requestId)
                .get("status")));
        // the node answered with its receipt and the deadline it computed
        EvidenceRequestReceived receipt = await().atMost(TIMEOUT).ignoreExceptions()
                .until(() -> partnerInbox(EvidenceRequestReceived.class, requestId), r -> r != null);
        assertThat(receipt.getDeadline()).isNotNull();
        assertThat(receipt.getDeadlineRule()).contains("EU_EPOC").contains("EXECUTE");

        // the same request sent twice; the requester fulfilling, deciding, answering an unasked question
        assertRefused(send(requestId, sent(requestId, "203.0.113.9")), "ILLEGAL_TRANSITION");
        assertRefused(send(requestId, fulfilled(requestId, UUID.randomUUID(), true, "a".repeat(64))),
                "ILLEGAL_TRANSITION");
        assertRefused(send(requestId, decided(requestId, RequestDecision.ACCEPTED)), "ILLEGAL_TRANSITION");
        assertRefused(send(requestId, EvidenceRequestInformationProvided.newBuilder().setRequestId(requestId)
                .setInReplyTo(requestId).setInformation("unasked").setProvidedAt(now()).build()),
                "ILLEGAL_TRANSITION");
        // closing what was never fulfilled: refused, with a dead letter, and nothing changes
        DeliveryReceipt earlyClose = assertRefused(send(requestId, closed(requestId)), "ILLEGAL_TRANSITION");
        assertThat(earlyClose.getReasonText().toString()).contains("CLOSE").contains("RECEIVED");
        // an agency that is not a party
        UUID foreign = UUID.randomUUID();
        sendAs(requestId, sign(foreign, withdrawn(requestId), strangerKey, "FR-OFAC", strangerSequence++), foreign,
                "FR-OFAC");
        // (its receipt goes to FR-OFAC's inbox; the request must stay as it is)
        await().atMost(TIMEOUT).until(() -> count(node, "SELECT count(*) FROM inbox_message WHERE message_id = ?"
                + " AND outcome = 'REFUSED' AND reason_code = 'NOT_SHARED'", foreign) == 1);
        UUID foreignClose = UUID.randomUUID();
        sendAs(requestId, sign(foreignClose, closed(requestId), strangerKey, "FR-OFAC", strangerSequence++),
                foreignClose, "FR-OFAC");
        await().atMost(TIMEOUT).until(() -> count(node, "SELECT count(*) FROM inbox_message WHERE message_id = ?"
                + " AND outcome = 'REFUSED' AND reason_code = 'NOT_SHARED'", foreignClose) == 1);
        // an unknown request
        UUID unknown = UUID.randomUUID();
        assertRefused(send(unknown, withdrawn(unknown)), "UNKNOWN_AGGREGATE");

        assertThat(get(node, BASE + "/" + requestId).get("status")).isEqualTo("RECEIVED");
        assertThat(list(get(node, BASE + "/" + requestId).get("history"))).hasSize(2);

        // the requester may withdraw; after that nothing moves it
        assertApplied(send(requestId, withdrawn(requestId)));
        assertRefused(send(requestId, withdrawn(requestId)), "ILLEGAL_TRANSITION");
        assertRefused(send(requestId, closed(requestId)), "ILLEGAL_TRANSITION");
        assertThat(get(node, BASE + "/" + requestId).get("status")).isEqualTo("WITHDRAWN");
        // the withdrawal was announced; the refused closings were not
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> events(node, requestId.toString()).stream()
                .anyMatch(e -> e.getEventType() == DomainEventType.REQUEST_WITHDRAWN));
        assertThat(events(node, requestId.toString())).extracting(e -> e.getEventType())
                .doesNotContain(DomainEventType.REQUEST_CLOSED);
    }

    @Test
    void aRequestWithABadItemIsRefusedNamingTheField() {
        UUID requestId = UUID.randomUUID();
        UUID messageId = send(requestId, sent(requestId, "999.1.2.3"));
        DeliveryReceipt receipt = assertRefused(messageId, "VALIDATION_FAILED");
        assertThat(receipt.getReasonText().toString()).contains("items[0].address");
        assertThat(count(node, "SELECT count(*) FROM evidence_request WHERE id = ?", requestId)).isZero();
    }

    @Test
    void manifestsAreCheckedOnArrivalAndAMismatchIsFlaggedLoudly() {
        String caseId = createCase(node, "Investment fraud call centre", "GREEN");
        String supervisor = node.token("sam.supervisor", Role.SUPERVISOR);
        String id = (String) post(node, BASE, draftBody(caseId, PARTNER, "EU_EPOC", "NORMAL"), node.liaison()).get("id");
        post(node, BASE + "/" + id + "/submit", null, node.liaison());
        post(node, BASE + "/" + id + "/approve", null, supervisor);
        UUID requestId = UUID.fromString(id);
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> partnerInbox(EvidenceRequestSent.class, requestId) != null);

        // a fulfilment before receipt and acceptance is out of order
        assertRefused(send(requestId, fulfilled(requestId, UUID.randomUUID(), false, "a".repeat(64))),
                "ILLEGAL_TRANSITION");
        assertApplied(send(requestId, EvidenceRequestReceived.newBuilder().setRequestId(requestId)
                .setReceivedAt(now()).build()));
        assertApplied(send(requestId, decided(requestId, RequestDecision.ACCEPTED)));

        // a manifest with a malformed hash is refused and not recorded
        DeliveryReceipt malformed = assertRefused(send(requestId, fulfilled(requestId, UUID.randomUUID(), false,
                "not-a-sha-256")), "VALIDATION_FAILED");
        assertThat(malformed.getReasonText().toString()).contains("items[0].sha256");
        // a manifest altered after signing fails the signature
        UUID tamperedId = UUID.randomUUID();
        byte[] signed = sign(tamperedId, fulfilled(requestId, UUID.randomUUID(), false, "a".repeat(64)), partnerKey,
                PARTNER, sequence++);
        String text = new String(signed, StandardCharsets.ISO_8859_1).replace("a".repeat(64), "e".repeat(64));
        sendAs(requestId, text.getBytes(StandardCharsets.ISO_8859_1), tamperedId, PARTNER);
        assertRefused(tamperedId, "SIGNATURE_INVALID");
        assertThat(count(node, "SELECT count(*) FROM evidence_manifest WHERE request_id = ?", requestId)).isZero();

        // a partial delivery, then a complete one that names the same evidence with another hash
        UUID evidenceId = UUID.randomUUID();
        assertApplied(send(requestId, fulfilled(requestId, evidenceId, false, "a".repeat(64))));
        assertApplied(send(requestId, fulfilled(requestId, evidenceId, true, "b".repeat(64))));
        Map<String, Object> request = get(node, BASE + "/" + id);
        assertThat(request.get("status")).isEqualTo("FULFILLED");
        assertThat(request.get("manifestMismatch")).isEqualTo(true);
        List<Map<String, Object>> manifests = list(request.get("manifests"));
        assertThat(manifests).extracting(m -> m.get("verification")).containsExactly("INTACT", "MISMATCH");
        assertThat(list(manifests.get(1).get("discrepancies"))).extracting(d -> d.get("field"))
                .containsExactly("items[0].sha256");
        DomainEvent fulfilledEvent = await().atMost(TIMEOUT).ignoreExceptions().until(() -> events(node, id).stream()
                .filter(e -> e.getEventType() == DomainEventType.REQUEST_FULFILLED
                        && "MISMATCH".equals(String.valueOf(e.getDetails().get("manifestVerification"))))
                .findFirst().orElse(null), e -> e != null);
        assertThat(fulfilledEvent.getTitle()).startsWith("MANIFEST MISMATCH");
        assertThat(count(node, "SELECT count(*) FROM audit_log WHERE object_id = ? AND outcome <> 'SUCCESS'"
                + " AND detail LIKE '%MISMATCH%'", id)).isEqualTo(1);

        // a manifest changed in the database after it was recorded no longer matches its hash
        RequestApi.update(node, "UPDATE evidence_manifest_item SET size_bytes = size_bytes + 1 WHERE manifest_id = ?",
                UUID.fromString((String) manifests.get(0).get("id")));
        Map<String, Object> reread = get(node, BASE + "/" + id);
        assertThat(list(reread.get("manifests")).get(0).get("storedCheck")).isEqualTo("MISMATCH");
    }

    private EvidenceRequestSent sent(UUID requestId, String ip) {
        Instant now = now();
        return EvidenceRequestSent.newBuilder()
                .setRequestId(requestId)
                .setReference(PARTNER + "-ER-2026-" + Math.abs(requestId.hashCode() % 1_000_000))
                .setCaseReference(PARTNER + "-2026-000042")
                .setCaseId(UUID.randomUUID())
                .setRequestingAgency(PARTNER)
                .setRequestedAgency(NODE)
                .setInstrument("EU_EPOC")
                .setRequestType(EvidenceRequestType.SUBSCRIBER_INFO)
                .setUrgency(Urgency.NORMAL)
                .setCrimeCategories(List.of("COMPUTER_FRAUD"))
                .setLegalBasis("Regulation (EU) 2023/1543, Article 10")
                .setDescription("Subscriber behind a phishing panel")
                .setItems(List.of(RequestItem.newBuilder()
                        .setItemId(UUID.randomUUID())
                        .setIdentifierType(IdentifierType.IP_ADDRESS)
                        .setValue(ip)
                        .setObservedAt(now.minus(3, ChronoUnit.DAYS))
                        .setTimeRange(TimeRange.newBuilder().setFrom(now.minus(4, ChronoUnit.DAYS))
                                .setTo(now.minus(2, ChronoUnit.DAYS)).build())
                        .build()))
                .setApprovedBy("b.supervisor")
                .setSubmittedAt(now)
                .build();
    }

    private static EvidenceRequestDecided decided(UUID requestId, RequestDecision decision) {
        return EvidenceRequestDecided.newBuilder().setRequestId(requestId).setDecision(decision)
                .setDecidedBy("officer").setDecidedAt(now()).build();
    }

    private static EvidenceRequestWithdrawn withdrawn(UUID requestId) {
        return EvidenceRequestWithdrawn.newBuilder().setRequestId(requestId).setReason("no longer needed")
                .setWithdrawnAt(now()).build();
    }

    private static EvidenceRequestClosed closed(UUID requestId) {
        return EvidenceRequestClosed.newBuilder().setRequestId(requestId).setClosedBy("officer")
                .setNote("evidence checked").setClosedAt(now()).build();
    }

    private static EvidenceRequestFulfilled fulfilled(UUID requestId, UUID evidenceId, boolean complete, String sha) {
        Instant now = now();
        return EvidenceRequestFulfilled.newBuilder()
                .setRequestId(requestId)
                .setComplete(complete)
                .setManifest(EvidenceManifest.newBuilder()
                        .setManifestId(UUID.randomUUID())
                        .setItems(List.of(EvidenceItem.newBuilder()
                                .setEvidenceId(evidenceId)
                                .setDescription("Subscriber record")
                                .setMediaType("application/pdf")
                                .setSizeBytes(4096)
                                .setSha256(sha)
                                .setAcquiredAt(now.minus(1, ChronoUnit.HOURS))
                                .setAcquisitionMethod("Production by the provider")
                                .setCustody(List.of(CustodyEntry.newBuilder().setAt(now.minus(1, ChronoUnit.HOURS))
                                        .setAgency(PARTNER).setHandler("officer").setAction(CustodyAction.COLLECTED)
                                        .build()))
                                .build()))
                        .build())
                .setFulfilledAt(now)
                .build();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private UUID send(UUID requestId, SpecificRecord payload) {
        UUID messageId = UUID.randomUUID();
        sendAs(requestId, sign(messageId, payload, partnerKey, PARTNER, sequence++), messageId, PARTNER);
        return messageId;
    }

    private byte[] sign(UUID messageId, SpecificRecord payload, SigningKey key, String sender, long number) {
        EnvelopeHeader header = new EnvelopeHeader(messageId, messageId, null, sender, NODE, Instant.now(), number,
                HandlingMarking.GREEN);
        return codec.encodeAndSign(header, payload, key);
    }

    private void sendAs(UUID key, byte[] value, UUID messageId, String sender) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(KafkaTopics.inbox(NODE), key.toString(), value);
        record.headers().add(KafkaHeaders.SENDER, sender.getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.MESSAGE_ID, messageId.toString().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertApplied(UUID messageId) {
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            List<DeliveryReceipt> receipts = receiptsFor(messageId);
            assertThat(receipts).hasSize(1);
            assertThat(receipts.get(0).getOutcome()).as(String.valueOf(receipts.get(0).getReasonText()))
                    .isEqualTo(DeliveryOutcome.APPLIED);
        });
    }

    private DeliveryReceipt assertRefused(UUID messageId, String reason) {
        DeliveryReceipt receipt = await().atMost(TIMEOUT).ignoreExceptions().until(() -> receiptsFor(messageId),
                receipts -> receipts.size() == 1).get(0);
        assertThat(receipt.getOutcome()).isEqualTo(DeliveryOutcome.REFUSED);
        assertThat(receipt.getReasonCode()).hasToString(reason);
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> dead = readAll(KafkaTopics.deadLetter(KafkaTopics.inbox(NODE))).stream()
                    .filter(r -> messageId.toString().equals(header(r, KafkaHeaders.MESSAGE_ID))).toList();
            assertThat(dead).hasSize(1);
            assertThat(header(dead.get(0), KafkaHeaders.DLT_REASON)).isEqualTo(reason);
        });
        return receipt;
    }

    private List<DeliveryReceipt> receiptsFor(UUID messageId) {
        List<DeliveryReceipt> receipts = new ArrayList<>();
        for (VerifiedMessage message : partnerMessages()) {
            if (message.payload() instanceof DeliveryReceipt receipt && receipt.getReceiptFor().equals(messageId)) {
                receipts.add(receipt);
            }
        }
        return receipts;
    }

    private <T extends SpecificRecord> T partnerInbox(Class<T> type, UUID requestId) {
        for (VerifiedMessage message : partnerMessages()) {
            if (type.isInstance(message.payload())
                    && message.payload().get(message.payload().getSchema().getField("requestId").pos())
                    .toString().equals(requestId.toString())) {
                return type.cast(message.payload());
            }
        }
        return null;
    }

    private List<VerifiedMessage> partnerMessages() {
        PartnerAgency nodeAgency = SharedInfrastructure.directory().require(NODE);
        SenderKeys keys = SenderKeys.of(NODE, nodeAgency.publicKey());
        List<VerifiedMessage> messages = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : readAll(KafkaTopics.inbox(PARTNER))) {
            if (NODE.equals(header(record, KafkaHeaders.SENDER))) {
                messages.add(codec.verifyAndDecode(record.value(), PARTNER, keys));
            }
        }
        return messages;
    }
}
