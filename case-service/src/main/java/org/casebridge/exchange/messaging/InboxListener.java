package org.casebridge.exchange.messaging;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Consumes this node's inbox, a poll's records at a time. Offsets are committed after the records were handled; a redelivery after a crash is
 * harmless because the inbox recognises message ids. A failure of the node's own database retries the record with
 * backoff instead of skipping it.
 */
@KafkaListener(groupId = "${casebridge.agency.code}.case-service.inbox",
        clientId = "${casebridge.agency.code}-case-service-inbox",
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        batch = true,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryCount = 20,
                retryDelay = "500ms"))
@Requires(property = "casebridge.inbox.enabled", notEquals = "false")
public class InboxListener {

    private final InboxProcessor processor;

    InboxListener(InboxProcessor processor) {
        this.processor = processor;
    }

    @Topic("${casebridge.kafka.inbox-topic}")
    void receive(List<ConsumerRecord<String, byte[]>> records) {
        processor.processBatch(records);
    }
}
