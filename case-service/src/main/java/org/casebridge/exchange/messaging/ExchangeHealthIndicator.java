package org.casebridge.exchange.messaging;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.casebridge.exchange.persistence.OutboxStore;
import org.casebridge.exchange.persistence.SequenceStore;

/**
 * Federation health: the outbox backlog and relay lag, whether this instance relays, and gaps noticed in partners'
 * sequence numbers. Gaps and a backlog are reported, not counted as down: the node still serves its users and the
 * outbox holds every message until it can be delivered.
 */
@Singleton
public class ExchangeHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final TransactionOperations<Connection> transactions;
    private final OutboxStore outbox;
    private final SequenceStore sequences;
    private final Optional<OutboxRelay> relay;
    private final Clock clock;

    ExchangeHealthIndicator(TransactionOperations<Connection> transactions, OutboxStore outbox,
                            SequenceStore sequences, Optional<OutboxRelay> relay, Clock clock) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.sequences = sequences;
        this.relay = relay;
        this.clock = clock;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            OutboxStore.Backlog backlog = transactions.executeRead(status -> outbox.backlog());
            details.put("outboxBacklog", backlog.waiting());
            details.put("relayLagMillis", backlog.lag(clock.instant()).toMillis());
            details.put("relayActiveHere", relay.map(OutboxRelay::isLeader).orElse(false));
            Map<String, Object> gaps = new LinkedHashMap<>();
            transactions.executeRead(status -> sequences.gaps()).forEach(gap -> gaps.put(gap.sender(),
                    Map.of("missing", gap.missing(), "lastSequence", gap.lastSequence(),
                            "lastGapAt", gap.lastGapAt().toString())));
            details.put("sequenceGaps", gaps);
            healthStatus = HealthStatus.UP;
        } catch (RuntimeException e) {
            healthStatus = HealthStatus.DOWN;
            details.put("error", e.getMessage());
        }
        return details;
    }

    @Override
    protected String getName() {
        return "federation";
    }
}
