package org.casebridge.exchange.app;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.casebridge.schema.KafkaTopics;
import org.casebridge.events.v1.DomainEvent;
import org.casebridge.exchange.persistence.OutboxStore;
import org.casebridge.schema.codec.DomainEventCodec;
import org.casebridge.support.agency.AgencyConfiguration;

/**
 * Writes this node's domain events (for its notification-service and local consumers) to its events topic, through
 * the same outbox as partner messages, so an event exists exactly when the change it reports committed.
 */
@Singleton
public class DomainEventPublisher {

    private final DomainEventCodec codec;
    private final OutboxStore outbox;
    private final AgencyConfiguration agency;
    private final Clock clock;

    public DomainEventPublisher(DomainEventCodec codec, OutboxStore outbox, AgencyConfiguration agency, Clock clock) {
        this.codec = codec;
        this.outbox = outbox;
        this.agency = agency;
        this.clock = clock;
    }

    /**
     * Starts an event with the id, time and agency filled in; the caller sets the rest and passes it to
     * {@link #publish}.
     */
    public DomainEvent.Builder newEvent() {
        return DomainEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant())
                .setAgency(agency.getCode());
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void publish(DomainEvent event) {
        outbox.append(event.getEventId(), event.getSubjectKind().name().toLowerCase(),
                event.getSubjectId().toString(), event.getEventType().name(), KafkaTopics.events(agency.getCode()),
                null, Map.of("casebridge-event-type", event.getEventType().name()), codec.encode(event));
    }
}
