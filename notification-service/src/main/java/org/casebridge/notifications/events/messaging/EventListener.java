package org.casebridge.notifications.events.messaging;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.events.v1.DomainEvent;
import org.casebridge.notifications.events.app.EventOutcome;
import org.casebridge.notifications.events.app.EventProcessor;
import org.casebridge.notifications.metrics.app.NotificationMetrics;
import org.casebridge.notifications.rules.domain.EventFacts;
import org.casebridge.notifications.users.app.UserDirectorySync;
import org.casebridge.schema.codec.DomainEventCodec;
import org.casebridge.schema.codec.MessageRejectedException;
import org.casebridge.support.agency.AgencyConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the node's domain events, a poll at a time. Each event is handled in its own transaction; offsets are
 * committed only after the whole poll was handled, so events that arrive while the service is down, or whose
 * handling failed, are read again and nothing is lost. Reading one twice is harmless: handled event ids are
 * recorded. Records that can never become notifications go to the dead-letter topic and the consumer carries on;
 * a failure of the service's own database retries the poll with backoff instead.
 */
@KafkaListener(groupId = "${casebridge.notifications.consumer-group}",
        clientId = "${casebridge.agency.code}-notification-service",
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        batch = true,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryCount = 20,
                retryDelay = "500ms"))
@Requires(property = "casebridge.notifications.consumer.enabled", notEquals = "false")
public class EventListener {

    private static final Logger LOG = LoggerFactory.getLogger(EventListener.class);

    private final DomainEventCodec codec = DomainEventCodec.create();
    private final EventProcessor processor;
    private final UserDirectorySync directory;
    private final NotificationMetrics metrics;
    private final DeadLetters deadLetters;
    private final String agencyCode;

    EventListener(EventProcessor processor, UserDirectorySync directory, NotificationMetrics metrics,
                  DeadLetters deadLetters, AgencyConfiguration agency) {
        this.processor = processor;
        this.directory = directory;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.agencyCode = agency.getCode();
    }

    @Topic("${casebridge.notifications.events-topic}")
    void receive(List<ConsumerRecord<String, byte[]>> records) {
        directory.ensureLoaded();
        for (ConsumerRecord<String, byte[]> record : records) {
            EventFacts event = readable(record);
            if (event == null) {
                continue;
            }
            // Open streams hear of the new notifications through the notification channel, once committed.
            EventOutcome outcome = processor.process(event);
            if (outcome.duplicate()) {
                metrics.eventDuplicate();
                LOG.debug("Event {} was handled before; skipped", event.eventId());
            } else {
                metrics.eventProcessed();
                metrics.created(outcome.notifications());
            }
        }
    }

    /** The event, or null after dead-lettering a record that can never be handled. */
    private EventFacts readable(ConsumerRecord<String, byte[]> record) {
        DomainEvent event;
        try {
            event = codec.decode(record.value());
        } catch (MessageRejectedException e) {
            deadLetter(record, e.receiptCode().name(), e.getMessage());
            return null;
        }
        if (!agencyCode.equals(event.getAgency())) {
            deadLetter(record, "WRONG_RECIPIENT", "event of agency " + event.getAgency() + " on the topic of "
                    + agencyCode);
            return null;
        }
        try {
            return EventMapper.toFacts(event);
        } catch (IllegalArgumentException | NullPointerException e) {
            deadLetter(record, "VALIDATION_FAILED", "event " + event.getEventId() + ": " + e.getMessage());
            return null;
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason, String detail) {
        deadLetters.send(record, reason, detail);
        metrics.eventDeadLettered();
    }
}
