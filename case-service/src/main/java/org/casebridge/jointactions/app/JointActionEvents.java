package org.casebridge.jointactions.app;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.casebridge.events.v1.DomainEventType;
import org.casebridge.events.v1.SubjectKind;
import org.casebridge.exchange.app.DomainEventPublisher;
import org.casebridge.jointactions.domain.JointAction;
import org.casebridge.messages.v1.HandlingMarking;

/**
 * Raises the domain events of joint actions for this node's notification service, in the transaction of the step.
 *
 * <p>Details keys: {@code step} (PROPOSED, ANSWER, READINESS, PLAN, DECISION, STATUS, OUTCOME, CASE_SHARE_SKIPPED),
 * {@code status} (the action's status after the step), {@code agency} (whose answer, readiness or outcome, or the
 * agency a linked case could not be shared with), and per step {@code answer}, {@code ready}, {@code decision},
 * {@code planRevision}, {@code caseId}, {@code caseReference}, {@code reasonCode}.
 */
@Singleton
public class JointActionEvents {

    private final DomainEventPublisher events;

    public JointActionEvents(DomainEventPublisher events) {
        this.events = events;
    }

    /**
     * @param counterpart the other agency involved (the coordinator for an invitation, the participant for its
     *                    answer), or null
     * @param actor       the local user who took the step, or null when a partner's message caused it
     * @param messageId   the partner message that caused it, or null
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void publish(JointAction action, DomainEventType type, String step, String counterpart, String actor,
                        String title, UUID messageId, Map<String, String> details) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("step", step);
        all.put("status", action.status().name());
        all.putAll(details);
        events.publish(events.newEvent()
                .setEventType(type)
                .setSubjectKind(SubjectKind.JOINT_ACTION)
                .setSubjectId(action.id())
                .setCaseReference(action.caseReferences().isEmpty() ? null : action.caseReferences().get(0))
                .setCounterpartAgency(counterpart)
                .setActor(actor)
                .setTitle(title)
                .setSummary(action.title() + " (" + action.status() + ")")
                .setHandlingMarking(HandlingMarking.valueOf(action.marking().name()))
                .setMessageId(messageId)
                .setDetails(Map.copyOf(all))
                .build());
    }
}
