package org.casebridge.exchange.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.schema.KafkaTopics;
import org.casebridge.events.v1.DomainEventType;
import org.casebridge.events.v1.SubjectKind;
import org.casebridge.exchange.app.DomainEventPublisher;
import org.casebridge.exchange.app.PartnerMessenger;
import org.casebridge.exchange.domain.DeliveryStatus;
import org.casebridge.exchange.domain.MessageRefusal;
import org.casebridge.exchange.persistence.DeliveryStore;
import org.casebridge.exchange.persistence.InboxStore;
import org.casebridge.exchange.persistence.OutboxStore;
import org.casebridge.exchange.persistence.SequenceStore;
import org.casebridge.messages.v1.DeliveryOutcome;
import org.casebridge.messages.v1.DeliveryReceipt;
import org.casebridge.messages.v1.HandlingMarking;
import org.casebridge.messages.v1.ReceiptReasonCode;
import org.casebridge.schema.KafkaHeaders;
import org.casebridge.schema.codec.MessageCodec;
import org.casebridge.schema.codec.MessageRejectedException;
import org.casebridge.schema.codec.SenderKeys;
import org.casebridge.schema.codec.VerifiedMessage;
import org.casebridge.support.agency.AgencyConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one record of this node's inbox: verify, apply and record it in one transaction, answer with a receipt.
 *
 * <p>Nothing is lost and nothing is applied twice: the message id is recorded in the same transaction as the change,
 * so a redelivered record is recognised; a record that cannot be applied is recorded as refused, answered with a
 * refused receipt and copied to the dead-letter topic, and consumption goes on. Only a failure of this node's own
 * database is passed up, so the record is retried rather than refused for a fault that is not the sender's.
 */
@Singleton
public class InboxProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(InboxProcessor.class);
    private static final UUID UNKNOWN_MESSAGE = new UUID(0, 0);

    private final MessageCodec codec;
    private final SenderKeys senderKeys;
    private final PartnerDirectory directory;
    private final AgencyConfiguration agency;
    private final TransactionOperations<Connection> transactions;
    private final InboxStore inbox;
    private final OutboxStore outbox;
    private final DeliveryStore deliveries;
    private final SequenceStore sequences;
    private final PartnerMessenger messenger;
    private final DomainEventPublisher events;
    private final InboundDispatcher dispatcher;
    private final Clock clock;
    private final MeterRegistry meters;

    InboxProcessor(MessageCodec codec, SenderKeys senderKeys, PartnerDirectory directory, AgencyConfiguration agency,
                   TransactionOperations<Connection> transactions, InboxStore inbox, OutboxStore outbox,
                   DeliveryStore deliveries, SequenceStore sequences, PartnerMessenger messenger,
                   DomainEventPublisher events, InboundDispatcher dispatcher, Clock clock, MeterRegistry meters) {
        this.codec = codec;
        this.senderKeys = senderKeys;
        this.directory = directory;
        this.agency = agency;
        this.transactions = transactions;
        this.inbox = inbox;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.sequences = sequences;
        this.messenger = messenger;
        this.events = events;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Handles the records of one poll in a single transaction, so the batch pays for one commit, one audit-chain lock
     * and one sequence update per sender. Refusals are rare: if any record of the batch is refused, or the batch
     * fails for any other reason than this node's database, the batch is rolled back and its records are handled one
     * by one, each refused on its own.
     */
    public void processBatch(List<ConsumerRecord<String, byte[]>> records) {
        if (records.size() == 1) {
            process(records.get(0));
            return;
        }
        List<Object> verified = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            verified.add(verify(record));
        }
        if (verified.stream().anyMatch(MessageRejectedException.class::isInstance)) {
            records.forEach(this::process);
            return;
        }
        List<Runnable> afterCommit = new ArrayList<>();
        try {
            transactions.executeWrite(status -> {
                Map<String, List<VerifiedMessage>> bySender = new LinkedHashMap<>();
                for (int i = 0; i < records.size(); i++) {
                    VerifiedMessage message = (VerifiedMessage) verified.get(i);
                    if (applyWithinBatch(records.get(i), message)) {
                        bySender.computeIfAbsent(message.senderAgency(), sender -> new ArrayList<>()).add(message);
                        afterCommit.add(() -> count("applied", message));
                    }
                }
                bySender.forEach(this::noteSequences);
                return null;
            });
            afterCommit.forEach(Runnable::run);
        } catch (RuntimeException failure) {
            if (isOwnDatabaseFailure(failure)) {
                throw failure;
            }
            LOG.info("A batch of {} inbox records is handled one by one ({})", records.size(), failure.toString());
            records.forEach(this::process);
        }
    }

    private Object verify(ConsumerRecord<String, byte[]> record) {
        try {
            return codec.verifyAndDecode(record.value() == null ? new byte[0] : record.value(), agency.getCode(),
                    senderKeys);
        } catch (MessageRejectedException rejected) {
            return rejected;
        }
    }

    /** Applies one verified record inside the batch; false for a redelivery. A refusal aborts the batch. */
    private boolean applyWithinBatch(ConsumerRecord<String, byte[]> record, VerifiedMessage message) {
        if (!inbox.record(message.messageId(), message.senderAgency(), message.payloadType(),
                message.sequenceNumber(), "APPLIED", null)) {
            meters.counter("casebridge.inbox.duplicates", "sender", message.senderAgency()).increment();
            return false;
        }
        if (message.payload() instanceof DeliveryReceipt receipt) {
            applyReceipt(message, receipt);
        } else {
            answerAndDispatch(record, message);
        }
        return true;
    }

    /** Records, applies and answers a verified message; false if it was applied before. */
    private boolean applyVerified(ConsumerRecord<String, byte[]> record, VerifiedMessage message) {
        if (!inbox.record(message.messageId(), message.senderAgency(), message.payloadType(),
                message.sequenceNumber(), "APPLIED", null)) {
            meters.counter("casebridge.inbox.duplicates", "sender", message.senderAgency()).increment();
            return false;
        }
        noteSequences(message.senderAgency(), List.of(message));
        answerAndDispatch(record, message);
        return true;
    }

    /**
     * Writes the APPLIED receipt, then applies the message; a refusal rolls both back and is answered on its own.
     *
     * <p>The receipt comes first for the order of locks: writing a message locks the recipient's sequence row, and a
     * handler records its audit entry last, which locks the audit chain head. An officer's request that sends a
     * message and then audits takes them in that order too; answering after the handler had audited took them the
     * other way round, and the two transactions could deadlock.
     */
    private void answerAndDispatch(ConsumerRecord<String, byte[]> record, VerifiedMessage message) {
        messenger.sendReceipt(message.senderAgency(), keyOf(record, message.messageId()),
                receipt(message.messageId(), DeliveryOutcome.APPLIED, null, null, null),
                message.correlationId(), message.messageId());
        dispatcher.dispatch(message);
    }

    /** Handles one inbox record; returns normally unless this node's database failed. */
    public void process(ConsumerRecord<String, byte[]> record) {
        VerifiedMessage message;
        try {
            message = codec.verifyAndDecode(record.value() == null ? new byte[0] : record.value(), agency.getCode(),
                    senderKeys);
        } catch (MessageRejectedException rejected) {
            refuseUnverified(record, rejected);
            return;
        }
        if (message.payload() instanceof DeliveryReceipt receipt) {
            transactions.executeWrite(status -> {
                if (inbox.record(message.messageId(), message.senderAgency(), message.payloadType(),
                        message.sequenceNumber(), "APPLIED", null)) {
                    noteSequences(message.senderAgency(), List.of(message));
                    applyReceipt(message, receipt);
                }
                return null;
            });
            count("applied", message);
            return;
        }
        try {
            if (transactions.executeWrite(status -> applyVerified(record, message))) {
                count("applied", message);
            }
        } catch (RuntimeException failure) {
            if (isOwnDatabaseFailure(failure)) {
                throw failure;
            }
            refuseVerified(record, message, refusalOf(failure));
        }
    }

    private void applyReceipt(VerifiedMessage message, DeliveryReceipt receipt) {
        DeliveryStatus outcome = receipt.getOutcome() == DeliveryOutcome.APPLIED
                ? DeliveryStatus.APPLIED : DeliveryStatus.REFUSED;
        String code = receipt.getReasonCode() == null ? null : receipt.getReasonCode().name();
        boolean recorded = deliveries.recordReceipt(receipt.getReceiptFor(), message.senderAgency(), outcome, code,
                receipt.getReasonText(), receipt.getProcessedAt());
        if (recorded && outcome == DeliveryStatus.REFUSED) {
            LOG.warn("{} refused message {}: {} {}", message.senderAgency(), receipt.getReceiptFor(), code,
                    receipt.getReasonText());
            events.publish(events.newEvent()
                    .setEventType(DomainEventType.DELIVERY_REFUSED)
                    .setSubjectKind(SubjectKind.PARTNER)
                    .setSubjectId(receipt.getReceiptFor())
                    .setCounterpartAgency(message.senderAgency())
                    .setTitle(message.senderAgency() + " refused a message: " + code)
                    .setSummary(receipt.getReasonText())
                    .setHandlingMarking(HandlingMarking.GREEN)
                    .setMessageId(receipt.getReceiptFor())
                    .build());
        }
    }

    /** Records the sequence numbers of one sender's messages and reports the numbers missing before them. */
    private void noteSequences(String sender, List<VerifiedMessage> messages) {
        long[] numbers = messages.stream().mapToLong(VerifiedMessage::sequenceNumber).sorted().toArray();
        long skipped = sequences.recordInbound(sender, numbers, clock.instant());
        if (skipped > 0) {
            VerifiedMessage last = messages.get(messages.size() - 1);
            LOG.warn("Sequence gap from {}: {} message(s) missing up to number {}", sender, skipped,
                    numbers[numbers.length - 1]);
            meters.counter("casebridge.inbox.sequence.gaps", "sender", sender).increment(skipped);
            events.publish(events.newEvent()
                    .setEventType(DomainEventType.SEQUENCE_GAP)
                    .setSubjectKind(SubjectKind.PARTNER)
                    .setSubjectId(last.messageId())
                    .setCounterpartAgency(sender)
                    .setTitle(skipped + " message(s) from " + sender + " missing")
                    .setHandlingMarking(HandlingMarking.GREEN)
                    .setMessageId(last.messageId())
                    .build());
        }
    }

    /** A verified message whose application failed: record the refusal, answer it, dead-letter it. */
    private void refuseVerified(ConsumerRecord<String, byte[]> record, VerifiedMessage message, MessageRefusal refusal) {
        LOG.warn("Refused {} {} from {}: {} {}", message.type().simpleName(), message.messageId(),
                message.senderAgency(), refusal.reasonCode(), refusal.getMessage());
        transactions.executeWrite(status -> {
            if (inbox.record(message.messageId(), message.senderAgency(), message.payloadType(),
                    message.sequenceNumber(), "REFUSED", refusal.reasonCode())) {
                noteSequences(message.senderAgency(), List.of(message));
                messenger.sendReceipt(message.senderAgency(), keyOf(record, message.messageId()),
                        receipt(message.messageId(), DeliveryOutcome.REFUSED, receiptCode(refusal.reasonCode()),
                                refusal.getMessage(), message.payloadType()),
                        message.correlationId(), message.messageId());
                deadLetter(record, refusal.reasonCode(), refusal.getMessage());
            }
            return null;
        });
        count("refused", message);
    }

    /**
     * A record that did not verify. It is answered (to the claimed sender, when that is a known agency) and
     * dead-lettered, but its message id is not recorded: a forger could otherwise block a genuine message by
     * sending garbage under its id first.
     */
    private void refuseUnverified(ConsumerRecord<String, byte[]> record, MessageRejectedException rejected) {
        LOG.warn("Refused record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                rejected.getMessage());
        Optional<String> claimedSender = rejected.envelope().map(e -> e.getSenderAgency())
                .or(() -> header(record, KafkaHeaders.SENDER))
                .filter(code -> directory.find(code).isPresent() && !code.equals(agency.getCode()));
        UUID messageId = rejected.envelope().map(e -> e.getMessageId())
                .or(() -> header(record, KafkaHeaders.MESSAGE_ID).flatMap(InboxProcessor::parseUuid))
                .orElse(UNKNOWN_MESSAGE);
        transactions.executeWrite(status -> {
            claimedSender.ifPresent(sender -> messenger.sendReceipt(sender, keyOf(record, messageId),
                    receipt(messageId, DeliveryOutcome.REFUSED, rejected.receiptCode(), rejected.getMessage(),
                            rejected.envelope().map(e -> e.getPayloadType()).orElse(null)),
                    rejected.envelope().map(e -> e.getCorrelationId()).orElse(messageId), messageId));
            deadLetter(record, rejected.receiptCode().name(), rejected.getMessage());
            return null;
        });
        meters.counter("casebridge.inbox.messages", "outcome", "refused", "sender", claimedSender.orElse("unknown"),
                "type", "unverified").increment();
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reasonCode, String reasonText) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(KafkaHeaders.DLT_REASON, reasonCode);
        headers.put(KafkaHeaders.DLT_DETAIL, reasonText == null ? "" : reasonText);
        headers.put(KafkaHeaders.DLT_ORIGINAL_TOPIC, record.topic());
        headers.put(KafkaHeaders.DLT_ORIGINAL_POSITION, record.partition() + ":" + record.offset());
        header(record, KafkaHeaders.SENDER).ifPresent(sender -> headers.put(KafkaHeaders.SENDER, sender));
        header(record, KafkaHeaders.MESSAGE_ID).ifPresent(id -> headers.put(KafkaHeaders.MESSAGE_ID, id));
        outbox.append(UUID.randomUUID(), "dead-letter", record.key() == null ? "none" : record.key(), reasonCode,
                KafkaTopics.deadLetter(record.topic()), null, headers,
                record.value() == null ? new byte[0] : record.value());
    }

    private DeliveryReceipt receipt(UUID receiptFor, DeliveryOutcome outcome, ReceiptReasonCode code,
                                           String text, String refusedType) {
        return DeliveryReceipt.newBuilder()
                .setReceiptFor(receiptFor)
                .setOutcome(outcome)
                .setReasonCode(code)
                .setReasonText(text == null ? null : text.length() > 1000 ? text.substring(0, 997) + "..." : text)
                .setRefusedPayloadType(refusedType)
                .setProcessedAt(clock.instant())
                .build();
    }

    private static ReceiptReasonCode receiptCode(String code) {
        try {
            return ReceiptReasonCode.valueOf(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            return ReceiptReasonCode.OTHER;
        }
    }

    private static MessageRefusal refusalOf(RuntimeException failure) {
        if (failure instanceof MessageRefusal refusal) {
            return refusal;
        }
        Throwable cause = failure.getCause();
        if (cause instanceof MessageRefusal refusal) {
            return refusal;
        }
        if (failure instanceof IllegalArgumentException) {
            return new MessageRefusal("VALIDATION_FAILED", failure.getMessage());
        }
        LOG.error("Applying a partner message failed unexpectedly", failure);
        return new MessageRefusal("OTHER", "the message could not be applied (" + failure.getClass().getSimpleName() + ")");
    }

    /**
     * Connection loss, serialization failures and resource exhaustion are this node's problem, not the sender's:
     * the record is retried instead of refused.
     */
    static boolean isOwnDatabaseFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String sqlClass = sql.getSQLState().substring(0, Math.min(2, sql.getSQLState().length()));
                if (sqlClass.equals("08") || sqlClass.equals("40") || sqlClass.equals("53") || sqlClass.equals("57")) {
                    return true;
                }
            }
            if (t instanceof DataAccessException && t.getCause() == null) {
                return true;
            }
        }
        return false;
    }

    private void count(String outcome, VerifiedMessage message) {
        meters.counter("casebridge.inbox.messages", "outcome", outcome, "sender", message.senderAgency(),
                "type", message.type().simpleName()).increment();
    }

    private static String keyOf(ConsumerRecord<String, byte[]> record, UUID fallback) {
        return record.key() != null ? record.key() : fallback.toString();
    }

    private static Optional<String> header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static Optional<UUID> parseUuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
