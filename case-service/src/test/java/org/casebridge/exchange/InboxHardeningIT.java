package org.casebridge.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.casebridge.testkit.TopicContents.header;
import static org.casebridge.testkit.TopicContents.readAll;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.casebridge.directory.PartnerAgency;
import org.casebridge.schema.KafkaTopics;
import org.casebridge.infra.demo.DemoAgencyKeys;
import org.casebridge.infra.junit.SharedInfrastructure;
import org.casebridge.messages.v1.CasePriority;
import org.casebridge.messages.v1.CaseShared;
import org.casebridge.messages.v1.CaseStatus;
import org.casebridge.messages.v1.CaseUpdated;
import org.casebridge.messages.v1.DeliveryOutcome;
import org.casebridge.messages.v1.DeliveryReceipt;
import org.casebridge.messages.v1.HandlingMarking;
import org.casebridge.schema.KafkaHeaders;
import org.casebridge.schema.codec.EnvelopeHeader;
import org.casebridge.schema.codec.MessageCodec;
import org.casebridge.schema.codec.SenderKeys;
import org.casebridge.schema.codec.VerifiedMessage;
import org.casebridge.schema.crypto.SigningKey;
import org.casebridge.testkit.PartnerProducer;
import org.casebridge.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a node does with records it must not apply: a duplicate is applied once; a forged, tampered, misaddressed or
 * undecodable record gets a refused receipt and a dead-letter record, and the consumer goes on.
 *
 * <p>The sender here is a partner with no running node (BE-FCCU), so its inbox holds exactly the receipts the node
 * under test wrote, and the test reads them there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxHardeningIT {

    private static final String PARTNER = "BE-FCCU";
    private static final String NODE = "NL-NHTC";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MessageCodec codec = MessageCodec.create();
    private final SigningKey partnerKey = SigningKey.of(DemoAgencyKeys.load().privateKey(PARTNER));
    private final SigningKey strangerKey = SigningKey.of(DemoAgencyKeys.load().privateKey("IT-PPC"));
    private TestNode node;
    private KafkaProducer<String, byte[]> producer;
    private long sequence = 1;

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
    void aDuplicateRecordIsAppliedOnce() throws Exception {
        UUID caseId = UUID.randomUUID();
        UUID messageId = UUID.randomUUID();
        byte[] shared = sign(messageId, NODE, sharedCase(caseId, 1, "Phishing kit sellers"), partnerKey, PARTNER);
        send(caseId, shared, messageId);
        send(caseId, shared, messageId);
        // A later message about the same case arrives after both copies: once it is applied, both were consumed.
        UUID updateId = UUID.randomUUID();
        send(caseId, sign(updateId, NODE, updatedCase(caseId, 2, "Phishing kit sellers, wider"), partnerKey, PARTNER),
                updateId);
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> assertThat(copyVersion(caseId)).contains(2L));

        assertThat(count("SELECT count(*) FROM inbox_message WHERE message_id = ?", messageId)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_log WHERE object_id = ? AND action = 'PARTNER_UPDATE_APPLIED'",
                caseId.toString())).isEqualTo(2);
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            List<DeliveryReceipt> receipts = receiptsFor(messageId);
            assertThat(receipts).hasSize(1);
            assertThat(receipts.get(0).getOutcome()).isEqualTo(DeliveryOutcome.APPLIED);
        });
    }

    @Test
    void aForgedSignatureIsRefusedAndDeadLettered() {
        UUID caseId = UUID.randomUUID();
        UUID messageId = UUID.randomUUID();
        // Signed with another agency's key while claiming to come from the partner.
        send(caseId, sign(messageId, NODE, sharedCase(caseId, 1, "Forged"), strangerKey, PARTNER), messageId);
        assertRefused(messageId, "SENDER_NOT_KEY_OWNER");
        assertThat(copyVersion(caseId)).isEmpty();
    }

    @Test
    void aTamperedMessageIsRefusedAndDeadLettered() {
        UUID caseId = UUID.randomUUID();
        UUID messageId = UUID.randomUUID();
        byte[] record = sign(messageId, NODE, sharedCase(caseId, 1, "Original title"), partnerKey, PARTNER);
        String text = new String(record, StandardCharsets.ISO_8859_1).replace("Original title", "Altered title!");
        send(caseId, text.getBytes(StandardCharsets.ISO_8859_1), messageId);
        assertRefused(messageId, "SIGNATURE_INVALID");
        assertThat(copyVersion(caseId)).isEmpty();
    }

    @Test
    void aMessageForAnotherAgencyIsRefusedAndDeadLettered() {
        UUID caseId = UUID.randomUUID();
        UUID messageId = UUID.randomUUID();
        send(caseId, sign(messageId, "FR-OFAC", sharedCase(caseId, 1, "Misaddressed"), partnerKey, PARTNER), messageId);
        assertRefused(messageId, "WRONG_RECIPIENT");
        assertThat(copyVersion(caseId)).isEmpty();
    }

    @Test
    void anUndecodableRecordIsRefusedAndDeadLetteredAndConsumptionGoesOn() {
        UUID caseId = UUID.randomUUID();
        UUID messageId = UUID.randomUUID();
        send(caseId, "this is not an Avro record".getBytes(StandardCharsets.UTF_8), messageId);
        assertRefused(messageId, "BAD_MAGIC");

        UUID goodId = UUID.randomUUID();
        send(caseId, sign(goodId, NODE, sharedCase(caseId, 1, "After the garbage"), partnerKey, PARTNER), goodId);
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> assertThat(copyVersion(caseId)).contains(1L));
    }

    private void assertRefused(UUID messageId, String reason) {
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            List<DeliveryReceipt> receipts = receiptsFor(messageId);
            assertThat(receipts).hasSize(1);
            assertThat(receipts.get(0).getOutcome()).isEqualTo(DeliveryOutcome.REFUSED);
            assertThat(receipts.get(0).getReasonCode()).hasToString(reason);
        });
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> dead = readAll(KafkaTopics.deadLetter(KafkaTopics.inbox(NODE))).stream()
                    .filter(r -> messageId.toString().equals(header(r, KafkaHeaders.MESSAGE_ID))).toList();
            assertThat(dead).hasSize(1);
            assertThat(header(dead.get(0), KafkaHeaders.DLT_REASON)).isEqualTo(reason);
            assertThat(header(dead.get(0), KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(KafkaTopics.inbox(NODE));
        });
    }

    private List<DeliveryReceipt> receiptsFor(UUID messageId) {
        PartnerAgency nodeAgency = SharedInfrastructure.directory().require(NODE);
        SenderKeys keys = SenderKeys.of(NODE, nodeAgency.publicKey());
        List<DeliveryReceipt> receipts = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : readAll(KafkaTopics.inbox(PARTNER))) {
            VerifiedMessage message = codec.verifyAndDecode(record.value(), PARTNER, keys);
            if (message.payload() instanceof DeliveryReceipt receipt && receipt.getReceiptFor().equals(messageId)) {
                receipts.add(receipt);
            }
        }
        return receipts;
    }

    private byte[] sign(UUID messageId, String recipient, SpecificRecord payload, SigningKey key, String sender) {
        EnvelopeHeader header = new EnvelopeHeader(messageId, messageId, null, sender, recipient, Instant.now(),
                sequence++, HandlingMarking.GREEN);
        return codec.encodeAndSign(header, payload, key);
    }

    private void send(UUID caseId, byte[] value, UUID messageId) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(KafkaTopics.inbox(NODE), caseId.toString(), value);
        record.headers().add(KafkaHeaders.SENDER, PARTNER.getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.MESSAGE_ID, messageId.toString().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static CaseShared sharedCase(UUID caseId, long revision, String title) {
        return CaseShared.newBuilder()
                .setCaseId(caseId)
                .setReference(PARTNER + "-2026-" + String.format("%06d", Math.abs(caseId.hashCode() % 1_000_000)))
                .setLeadAgency(PARTNER)
                .setRevision(revision)
                .setTitle(title)
                .setSummary("Shared by the test partner")
                .setCrimeCategories(List.of("COMPUTER_FRAUD"))
                .setStatus(CaseStatus.OPEN)
                .setPriority(CasePriority.NORMAL)
                .setOpenedAt(Instant.now())
                .setSharedWith(List.of(NODE))
                .setNotes(List.of())
                .build();
    }

    private static CaseUpdated updatedCase(UUID caseId, long revision, String title) {
        return CaseUpdated.newBuilder()
                .setCaseId(caseId)
                .setRevision(revision)
                .setTitle(title)
                .setSummary("Updated by the test partner")
                .setCrimeCategories(List.of("COMPUTER_FRAUD"))
                .setStatus(CaseStatus.ACTIVE)
                .setPriority(CasePriority.HIGH)
                .setUpdatedAt(Instant.now())
                .setNotesAdded(List.of())
                .build();
    }

    private Optional<Long> copyVersion(UUID caseId) {
        try (var connection = node.dataSource().getConnection();
             var statement = connection.prepareStatement("SELECT version FROM case_file WHERE id = ?")) {
            statement.setObject(1, caseId);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, Object parameter) throws Exception {
        try (var connection = node.dataSource().getConnection();
             var statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
