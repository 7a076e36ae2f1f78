package org.casebridge.jointactions.messaging;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.casebridge.audit.app.AuditTrail;
import org.casebridge.audit.domain.AuditAction;
import org.casebridge.audit.domain.AuditActor;
import org.casebridge.audit.domain.AuditEvent;
import org.casebridge.cases.app.CaseService;
import org.casebridge.cases.app.ConsentShares;
import org.casebridge.directory.HandlingMarking;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.events.v1.DomainEventType;
import org.casebridge.exchange.app.InboundMessageHandler;
import org.casebridge.exchange.domain.MessageRefusal;
import org.casebridge.jointactions.app.JointActionEvents;
import org.casebridge.jointactions.domain.GoDecision;
import org.casebridge.jointactions.domain.JointAction;
import org.casebridge.jointactions.domain.JointActionRuleException;
import org.casebridge.jointactions.domain.JointActionStatus;
import org.casebridge.jointactions.domain.Outcome;
import org.casebridge.jointactions.domain.ParticipationAnswer;
import org.casebridge.jointactions.persistence.JointActionStore;
import org.casebridge.messages.v1.JointActionGoDecision;
import org.casebridge.messages.v1.JointActionOutcomeReported;
import org.casebridge.messages.v1.JointActionParticipationAnswered;
import org.casebridge.messages.v1.JointActionPlanUpdated;
import org.casebridge.messages.v1.JointActionProposed;
import org.casebridge.messages.v1.JointActionReadinessDeclared;
import org.casebridge.messages.v1.JointActionStatusChanged;
import org.casebridge.schema.codec.VerifiedMessage;
import org.casebridge.support.agency.AgencyConfiguration;

/**
 * Applies partners' joint action messages with the same lifecycle rules as the API, so a step that is illegal here
 * is refused with a receipt whatever node sent it.
 *
 * <p>Who may send what: the coordinator sends proposals, plan updates, decisions and status changes, and relays
 * participants' answers, readiness and outcomes; a participant sends its own answer, readiness and outcome to the
 * coordinator only. The coordinator applies a participant's step first and relays it to every other agency of the
 * action afterwards, so all copies change in the same order as the coordinator's.
 */
@Singleton
public class JointActionMessageHandler implements InboundMessageHandler {

    private final JointActionStore actions;
    private final JointActionMessages messages;
    private final JointActionEvents events;
    private final CaseService caseService;
    private final PartnerDirectory directory;
    private final AgencyConfiguration agency;
    private final AuditTrail audit;
    private final Clock clock;

    public JointActionMessageHandler(JointActionStore actions, JointActionMessages messages, JointActionEvents events,
                                     CaseService caseService, PartnerDirectory directory, AgencyConfiguration agency,
                                     AuditTrail audit, Clock clock) {
        this.actions = actions;
        this.messages = messages;
        this.events = events;
        this.caseService = caseService;
        this.directory = directory;
        this.agency = agency;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Set<Class<? extends SpecificRecord>> payloadTypes() {
        return Set.of(JointActionProposed.class, JointActionParticipationAnswered.class, JointActionPlanUpdated.class,
                JointActionReadinessDeclared.class, JointActionGoDecision.class, JointActionStatusChanged.class,
                JointActionOutcomeReported.class);
    }

    @Override
    public void apply(VerifiedMessage message) {
        try {
            SpecificRecord payload = message.payload();
            if (payload instanceof JointActionProposed proposed) {
                applyProposed(message, proposed);
            } else if (payload instanceof JointActionParticipationAnswered answered) {
                applyAnswered(message, answered);
            } else if (payload instanceof JointActionPlanUpdated updated) {
                applyPlanUpdated(message, updated);
            } else if (payload instanceof JointActionReadinessDeclared declared) {
                applyReadiness(message, declared);
            } else if (payload instanceof JointActionGoDecision decision) {
                applyDecision(message, decision);
            } else if (payload instanceof JointActionStatusChanged changed) {
                applyStatus(message, changed);
            } else if (payload instanceof JointActionOutcomeReported reported) {
                applyOutcome(message, reported);
            }
        } catch (JointActionRuleException e) {
            String code = switch (e.code()) {
                case "NOT_A_PARTICIPANT" -> "NOT_SHARED";
                case "REASON_REQUIRED", "INVALID" -> "VALIDATION_FAILED";
                default -> "ILLEGAL_TRANSITION";
            };
            // The receipt codes are fixed by the contract; the rule's own code leads the text so partners can tell.
            throw new MessageRefusal(code, "STALE_PLAN_REVISION".equals(e.code())
                    ? e.code() + ": " + e.getMessage() : e.getMessage());
        }
    }

    private void applyProposed(VerifiedMessage message, JointActionProposed proposed) {
        String sender = message.senderAgency();
        if (!sender.equals(proposed.getCoordinatingAgency())) {
            throw new MessageRefusal("VALIDATION_FAILED", "only the coordinating agency "
                    + proposed.getCoordinatingAgency() + " may propose joint action " + proposed.getJointActionId());
        }
        if (actions.find(proposed.getJointActionId()).isPresent()) {
            throw new MessageRefusal("ILLEGAL_TRANSITION", "joint action " + proposed.getJointActionId()
                    + " was proposed before");
        }
        HandlingMarking marking = JointActionMessages.marking(message.handlingMarking());
        HandlingMarking ceiling = directory.require(agency.getCode()).sharingCeiling();
        if (!ceiling.permits(marking)) {
            throw new MessageRefusal("MARKING_CEILING", "joint action marked " + marking.label()
                    + " exceeds this agency's ceiling " + ceiling.label());
        }
        JointAction copy = messages.copyOf(proposed, marking, clock.instant());
        if (copy.participant(agency.getCode()).isEmpty()) {
            throw new MessageRefusal("NOT_SHARED", "joint action " + copy.id() + " does not name " + agency.getCode());
        }
        actions.insert(copy);
        events.publish(copy, DomainEventType.JOINT_ACTION_INVITATION, "PROPOSED", sender, null,
                sender + " invites " + agency.getCode() + " to joint action " + copy.title(), message.messageId(),
                Map.of("role", copy.participant(agency.getCode()).orElseThrow().role().name()));
        auditApplied(message, copy.id(), "proposed by " + sender);
    }

    private void applyAnswered(VerifiedMessage message, JointActionParticipationAnswered answered) {
        JointAction current = requireAction(answered.getJointActionId());
        String origin = requireOrigin(message, current, answered.getAgency());
        JointAction next = current.answer(origin, JointActionMessages.answer(answered.getAnswer()),
                answered.getNote(), answered.getAnsweredAt());
        actions.save(next);
        boolean atCoordinator = current.isCoordinatedBy(agency.getCode());
        if (atCoordinator) {
            messages.relay(next, answered, origin, message.correlationId(), message.messageId());
        }
        events.publish(next, DomainEventType.JOINT_ACTION_UPDATED, "ANSWER", origin, null,
                origin + " " + next.participant(origin).orElseThrow().answer().name().toLowerCase()
                        + " joint action " + next.title(), message.messageId(),
                Map.of("agency", origin, "answer", answered.getAnswer().name()));
        int notShared = 0;
        if (atCoordinator && next.shareLinkedCases() && !next.linkedCaseIds().isEmpty()
                && next.participant(origin).orElseThrow().answer() == ParticipationAnswer.ACCEPTED) {
            // The coordinator consented when proposing: linked cases follow each participant that accepts.
            ConsentShares shares = caseService.shareOnConsent(next.linkedCaseIds(), origin, null,
                    "linked to joint action " + next.id(), actor(message));
            recordCaseShares(message, next, origin, shares);
            notShared = shares.skipped().size();
        }
        auditApplied(message, next.id(), origin + " " + answered.getAnswer().name()
                + (notShared == 0 ? "" : ", " + notShared + " linked case(s) could not be shared"));
    }

    /**
     * Keeps what became of each linked case for the action's view, and tells the coordinator's officers about a
     * case that could not be shared any more (its marking raised since the proposal, say): it is not shared, and
     * they decide whether to share it another way.
     */
    private void recordCaseShares(VerifiedMessage message, JointAction action, String origin, ConsentShares shares) {
        java.time.Instant now = clock.instant();
        for (UUID id : shares.shared()) {
            actions.saveCaseShare(action.id(), new JointActionStore.CaseShareOutcome(id, origin, true, null, null, now));
        }
        for (UUID id : shares.alreadyShared()) {
            actions.saveCaseShare(action.id(), new JointActionStore.CaseShareOutcome(id, origin, true, null, null, now));
        }
        for (ConsentShares.Skipped skip : shares.skipped()) {
            String reason = skip.reason().length() <= 500 ? skip.reason() : skip.reason().substring(0, 500);
            actions.saveCaseShare(action.id(), new JointActionStore.CaseShareOutcome(skip.caseId(), origin, false,
                    skip.code(), reason, now));
            Map<String, String> details = new java.util.LinkedHashMap<>();
            details.put("agency", origin);
            details.put("caseId", skip.caseId().toString());
            if (skip.reference() != null) {
                details.put("caseReference", skip.reference());
            }
            details.put("reasonCode", skip.code());
            events.publish(action, DomainEventType.JOINT_ACTION_UPDATED, "CASE_SHARE_SKIPPED", origin, null,
                    "Linked case " + (skip.reference() != null ? skip.reference() : skip.caseId())
                            + " was not shared with " + origin + ": " + skip.reason(), message.messageId(), details);
        }
    }

    private void applyPlanUpdated(VerifiedMessage message, JointActionPlanUpdated updated) {
        JointAction current = requireCopyFrom(message, updated.getJointActionId());
        if (updated.getRevision() <= current.planRevision()) {
            auditApplied(message, current.id(), "plan revision " + updated.getRevision() + " already held");
            return;
        }
        JointAction next = current.updatePlan(messages.changeOf(current, updated), updated.getRevision(),
                updated.getUpdatedAt());
        actions.save(next);
        events.publish(next, DomainEventType.JOINT_ACTION_UPDATED, "PLAN", message.senderAgency(), null,
                "Plan of joint action " + next.title() + " updated by " + message.senderAgency(), message.messageId(),
                Map.of("planRevision", Long.toString(next.planRevision())));
        auditApplied(message, next.id(), "plan revision " + next.planRevision());
    }

    private void applyReadiness(VerifiedMessage message, JointActionReadinessDeclared declared) {
        JointAction current = requireAction(declared.getJointActionId());
        String origin = requireOrigin(message, current, declared.getAgency());
        Long forRevision = declared.getPlanRevision();
        if (forRevision != null && (forRevision < 1
                || current.isCoordinatedBy(agency.getCode()) && forRevision > current.planRevision())) {
            throw new MessageRefusal("VALIDATION_FAILED", "readiness for plan revision " + forRevision
                    + " of joint action " + current.id() + ", which is at revision " + current.planRevision());
        }
        // A readiness that crossed a plan change taking it back is refused (STALE_PLAN_REVISION, sent as
        // ILLEGAL_TRANSITION): it is not relayed, and the participant's own copy already dropped it with the plan.
        JointAction next = current.declareReadiness(origin, declared.getReady(), declared.getNote(),
                declared.getDeclaredAt(), forRevision);
        actions.save(next);
        if (current.isCoordinatedBy(agency.getCode())) {
            messages.relay(next, declared, origin, message.correlationId(), message.messageId());
        }
        events.publish(next, DomainEventType.JOINT_ACTION_UPDATED, "READINESS", origin, null,
                origin + (declared.getReady() ? " is ready" : " is not ready") + " for joint action " + next.title(),
                message.messageId(), Map.of("agency", origin, "ready", Boolean.toString(declared.getReady())));
        auditApplied(message, next.id(), origin + (declared.getReady() ? " ready" : " not ready"));
    }

    private void applyDecision(VerifiedMessage message, JointActionGoDecision decision) {
        JointAction current = requireCopyFrom(message, decision.getJointActionId());
        GoDecision decided = JointActionMessages.decision(decision.getDecision());
        JointAction next = current.decide(decided, decision.getReason(), decision.getDecidedAt(), false);
        actions.save(next);
        events.publish(next, DomainEventType.JOINT_ACTION_DECISION, "DECISION", message.senderAgency(), null,
                message.senderAgency() + " called " + decided + " for joint action " + next.title(),
                message.messageId(), Map.of("decision", decided.name()));
        auditApplied(message, next.id(), decided.name());
    }

    private void applyStatus(VerifiedMessage message, JointActionStatusChanged changed) {
        JointAction current = requireCopyFrom(message, changed.getJointActionId());
        JointActionStatus status = JointActionMessages.status(changed.getStatus());
        if (status == null) {
            throw new MessageRefusal("VALIDATION_FAILED", "unknown joint action status " + changed.getStatus());
        }
        JointAction next = current.changeStatus(status, changed.getReason(), changed.getChangedAt());
        actions.save(next);
        events.publish(next, DomainEventType.JOINT_ACTION_UPDATED, "STATUS", message.senderAgency(), null,
                "Joint action " + next.title() + " is " + status, message.messageId(), Map.of());
        auditApplied(message, next.id(), "status " + status);
    }

    private void applyOutcome(VerifiedMessage message, JointActionOutcomeReported reported) {
        JointAction current = requireAction(reported.getJointActionId());
        String origin = requireOrigin(message, current, reported.getAgency());
        Outcome outcome = JointActionMessages.outcomeOf(reported);
        JointAction next = current.reportOutcome(outcome);
        actions.saveOutcome(next.id(), outcome);
        if (current.isCoordinatedBy(agency.getCode())) {
            // Sharing every report lets each participant show the same totals as the coordinator.
            messages.relay(next, reported, origin, message.correlationId(), message.messageId());
        }
        events.publish(next, DomainEventType.JOINT_ACTION_OUTCOME, "OUTCOME", origin, null,
                origin + " reported outcomes of joint action " + next.title(), message.messageId(),
                Map.of("agency", origin, "arrestsTotal", Long.toString(next.totals().arrests())));
        auditApplied(message, next.id(), "outcome of " + origin);
    }

    private JointAction requireAction(UUID id) {
        return actions.lock(id).orElseThrow(() ->
                new MessageRefusal("UNKNOWN_AGGREGATE", "this agency holds no joint action " + id));
    }

    /** A step only the coordinator takes, on a participant's copy. */
    private JointAction requireCopyFrom(VerifiedMessage message, UUID id) {
        JointAction current = requireAction(id);
        if (!current.isCoordinatedBy(message.senderAgency())) {
            throw new MessageRefusal("ILLEGAL_TRANSITION", "joint action " + id + " is coordinated by "
                    + current.coordinatingAgency() + ", not " + message.senderAgency());
        }
        return current;
    }

    /**
     * The agency whose step a message reports: at the coordinator it must be the sender itself; on a copy the
     * coordinator relays other agencies' steps, never this agency's own.
     */
    private String requireOrigin(VerifiedMessage message, JointAction current, String origin) {
        String sender = message.senderAgency();
        if (current.isCoordinatedBy(agency.getCode())) {
            if (!origin.equals(sender)) {
                throw new MessageRefusal("VALIDATION_FAILED", sender + " may only report its own step, not "
                        + origin + "'s");
            }
            if (current.participant(sender).isEmpty()) {
                throw new MessageRefusal("NOT_SHARED", sender + " does not take part in joint action " + current.id());
            }
        } else {
            if (!current.isCoordinatedBy(sender)) {
                throw new MessageRefusal("NOT_SHARED", "steps of joint action " + current.id()
                        + " come through its coordinator " + current.coordinatingAgency());
            }
            if (origin.equals(agency.getCode())) {
                throw new MessageRefusal("VALIDATION_FAILED", "the coordinator cannot speak for " + origin);
            }
        }
        return origin;
    }

    private static AuditActor actor(VerifiedMessage message) {
        return AuditActor.partner(message.senderAgency(), message.messageId().toString());
    }

    private void auditApplied(VerifiedMessage message, UUID actionId, String detail) {
        audit.record(AuditEvent.success(AuditAction.PARTNER_UPDATE_APPLIED, "JOINT_ACTION", actionId.toString())
                .withDetail(detail), actor(message));
    }
}
