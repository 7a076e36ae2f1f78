package org.casebridge.requests.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebridge.audit.app.AuditTrail;
import org.casebridge.audit.app.CurrentActor;
import org.casebridge.audit.domain.AuditAction;
import org.casebridge.audit.domain.AuditEvent;
import org.casebridge.events.v1.DomainEventType;
import org.casebridge.requests.domain.Deadline;
import org.casebridge.requests.domain.DeadlineThreshold;
import org.casebridge.requests.domain.EvidenceRequest;
import org.casebridge.requests.domain.TrackedRequest;
import org.casebridge.requests.persistence.RequestStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises a domain event when a request's deadline approaches, when it passes, and when a preservation is about to
 * lapse or has lapsed: once per request, milestone, threshold and clock cycle.
 *
 * <p>Once is kept by the ledger table {@code deadline_notification}: its row and the event (through the outbox) are
 * written in one transaction, and its primary key lets only one of several concurrent monitors (other instances of
 * this node, or a run that overlaps the previous one) insert it; {@code ON CONFLICT DO NOTHING} makes the others wait
 * for that commit and then skip. A restart finds the rows and raises nothing twice.
 */
@Singleton
@Requires(property = "casebridge.requests.deadline-monitor.enabled", notEquals = "false")
public class DeadlineMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineMonitor.class);

    private final RequestStore requests;
    private final RequestClocks clocks;
    private final RequestEvents events;
    private final AuditTrail audit;
    private final CurrentActor actors;
    private final TransactionOperations<Connection> transactions;

    public DeadlineMonitor(RequestStore requests, RequestClocks clocks, RequestEvents events, AuditTrail audit,
                           CurrentActor actors, TransactionOperations<Connection> transactions) {
        this.requests = requests;
        this.clocks = clocks;
        this.events = events;
        this.audit = audit;
        this.actors = actors;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelay = "${casebridge.requests.deadline-monitor.interval:1m}",
            initialDelay = "${casebridge.requests.deadline-monitor.initial-delay:30s}")
    void scheduled() {
        try {
            int raised = check();
            if (raised > 0) {
                LOG.info("deadline monitor raised {} notification(s)", raised);
            }
        } catch (RuntimeException e) {
            // the next run tries again; nothing is half-done, each request's check is one transaction
            LOG.warn("deadline monitor run failed: {}", e.toString());
        }
    }

    /**
     * Checks every running request once.
     *
     * @return how many notifications this run raised
     */
    public int check() {
        int raised = 0;
        for (UUID id : transactions.executeRead(status -> requests.monitored())) {
            raised += transactions.execute(TransactionDefinition.DEFAULT, status -> checkOne(id));
        }
        return raised;
    }

    private int checkOne(UUID id) {
        TrackedRequest tracked = requests.find(id).orElse(null);
        if (tracked == null) {
            return 0;
        }
        EvidenceRequest request = tracked.request();
        Instant now = clocks.now();
        int raised = 0;
        List<Deadline> deadlines = request.deadlines(clocks.of(request), now);
        for (Deadline deadline : deadlines) {
            if (!running(request, deadline)) {
                continue;
            }
            for (DeadlineThreshold threshold : deadline.thresholdsCrossed()) {
                // a preservation's cycle is its expiry (an extension starts a new one); a legal clock's is its
                // nominal deadline, which pauses do not move
                Instant cycle = deadline.preservation() ? deadline.dueAt() : deadline.nominalDueAt();
                UUID eventId = UUID.randomUUID();
                if (!requests.recordNotification(id, deadline.milestone().name(), threshold.name(), cycle,
                        deadline.dueAt(), now, eventId)) {
                    continue;
                }
                events.publish(tracked, type(threshold), title(tracked, deadline, threshold), null,
                        deadline.dueAt(), null, Map.of("milestone", deadline.milestone().name(),
                                "threshold", threshold.name(), "timeLeft", deadline.timeLeft().toString()));
                audit.record(AuditEvent.success(AuditAction.REQUEST_ESCALATED, "EVIDENCE_REQUEST", id.toString())
                                .withDetail(tracked.reference() + ": " + deadline.milestone() + " " + threshold
                                        + ", due " + deadline.dueAt()), actors.system("deadline-monitor"));
                raised++;
            }
        }
        return raised;
    }

    /** Met milestones and stopped requests raise nothing; a preservation runs until the request ends. */
    private static boolean running(EvidenceRequest request, Deadline deadline) {
        if (deadline.preservation()) {
            return !request.status().isTerminal();
        }
        return deadline.metAt() == null && request.status().isOpen();
    }

    private static DomainEventType type(DeadlineThreshold threshold) {
        return switch (threshold) {
            case APPROACHING -> DomainEventType.DEADLINE_APPROACHING;
            case OVERDUE -> DomainEventType.DEADLINE_OVERDUE;
            case PRESERVATION_LAPSING, PRESERVATION_LAPSED -> DomainEventType.PRESERVATION_LAPSING;
        };
    }

    private static String title(TrackedRequest tracked, Deadline deadline, DeadlineThreshold threshold) {
        String subject = tracked.reference() + " (" + tracked.request().instrumentCode() + ", "
                + (tracked.direction() == org.casebridge.requests.domain.RequestDirection.INBOUND
                ? "from " : "to ") + tracked.counterpart() + ")";
        return switch (threshold) {
            case APPROACHING -> "Deadline approaching: " + deadline.milestone().name().toLowerCase() + " " + subject
                    + " by " + deadline.dueAt();
            case OVERDUE -> "Overdue: " + deadline.milestone().name().toLowerCase() + " " + subject + " was due "
                    + deadline.dueAt();
            case PRESERVATION_LAPSING -> "Preservation lapsing: " + subject + " lapses " + deadline.dueAt()
                    + "; extend it or send the production request";
            case PRESERVATION_LAPSED -> "Preservation lapsed: " + subject + " lapsed " + deadline.dueAt();
        };
    }
}
