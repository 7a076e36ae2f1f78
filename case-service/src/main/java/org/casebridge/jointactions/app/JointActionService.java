package org.casebridge.jointactions.app;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.retry.annotation.Retryable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.casebridge.node.persistence.TransientConflict;
import org.casebridge.audit.app.AuditTrail;
import org.casebridge.audit.domain.AuditAction;
import org.casebridge.audit.domain.AuditEvent;
import org.casebridge.cases.domain.CaseFile;
import org.casebridge.cases.domain.SharingDecision;
import org.casebridge.cases.domain.SharingPolicy;
import org.casebridge.cases.persistence.CaseStore;
import org.casebridge.directory.PartnerAgency;
import org.casebridge.directory.PartnerDirectory;
import org.casebridge.events.v1.DomainEventType;
import org.casebridge.exchange.persistence.DeliveryStore;
import org.casebridge.jointactions.domain.ActionWindow;
import org.casebridge.jointactions.domain.AssetSeizure;
import org.casebridge.jointactions.domain.GoDecision;
import org.casebridge.jointactions.domain.JointAction;
import org.casebridge.jointactions.domain.JointActionRuleException;
import org.casebridge.jointactions.domain.JointActionStatus;
import org.casebridge.jointactions.domain.Money;
import org.casebridge.jointactions.domain.Outcome;
import org.casebridge.jointactions.domain.Participant;
import org.casebridge.jointactions.domain.ParticipantRole;
import org.casebridge.jointactions.domain.ParticipationAnswer;
import org.casebridge.jointactions.domain.PlanChange;
import org.casebridge.jointactions.messaging.JointActionMessages;
import org.casebridge.jointactions.persistence.JointActionQuery;
import org.casebridge.jointactions.persistence.JointActionStore;
import org.casebridge.support.agency.AgencyConfiguration;
import org.casebridge.support.problem.ProblemDetail;
import org.casebridge.support.problem.ProblemException;

/**
 * What officers do with joint actions: the coordinator proposes, updates the plan, decides GO or NO_GO and moves
 * the action on; participants answer, declare readiness and report outcomes. Each step, the messages it causes,
 * its domain event and its audit entry commit in one transaction.
 */
// A deadlock with a partner's message arriving at the same moment is repeated, not shown to the officer as an error.
@Retryable(attempts = "4", delay = "20ms", multiplier = "3", predicate = TransientConflict.class)
@Singleton
public class JointActionService {

    static final String AUDIT_OBJECT = "JOINT_ACTION";

    private final JointActionStore actions;
    private final CaseStore cases;
    private final PartnerDirectory directory;
    private final AgencyConfiguration agency;
    private final JointActionMessages messages;
    private final JointActionEvents events;
    private final DeliveryStore deliveries;
    private final AuditTrail audit;
    private final Clock clock;

    public JointActionService(JointActionStore actions, CaseStore cases, PartnerDirectory directory,
                              AgencyConfiguration agency, JointActionMessages messages, JointActionEvents events,
                              DeliveryStore deliveries, AuditTrail audit, Clock clock) {
        this.actions = actions;
        this.cases = cases;
        this.directory = directory;
        this.agency = agency;
        this.messages = messages;
        this.events = events;
        this.deliveries = deliveries;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public JointAction propose(NewJointAction request, String username) {
        String own = agency.getCode();
        Instant now = clock.instant();
        ActionWindow window = ruled(() -> new ActionWindow(request.windowStart(), request.windowEnd()), "");
        List<Participant> participants = new ArrayList<>();
        List<String> ownTasks = List.of();
        List<String> ownTargets = List.of();
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (int i = 0; i < request.participants().size(); i++) {
            NewJointAction.Invitee invitee = request.participants().get(i);
            String field = "participants[" + i + "]";
            if (!listed.add(invitee.agency())) {
                throw invalid(field + ".agency", invitee.agency() + " is listed twice");
            }
            if (invitee.agency().equals(own)) {
                if (invitee.role() != ParticipantRole.COORDINATOR) {
                    throw invalid(field + ".role", "this agency proposes the action and so is its COORDINATOR");
                }
                ownTasks = invitee.tasks();
                ownTargets = invitee.targets();
                continue;
            }
            PartnerAgency partner = directory.find(invitee.agency()).orElseThrow(() -> new ProblemException(
                    HttpStatus.UNPROCESSABLE_ENTITY, "UNKNOWN_AGENCY", "no agency " + invitee.agency()
                    + " in the partner directory", List.of(new ProblemDetail.FieldError(field + ".agency",
                    "unknown agency " + invitee.agency()))));
            if (invitee.role() == ParticipantRole.COORDINATOR) {
                throw invalid(field + ".role", "only the proposing agency " + own + " coordinates the action");
            }
            if (!partner.mayReceive(request.marking())) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "MARKING_CEILING", "the action is marked "
                        + request.marking().label() + " but " + partner.code() + " may receive at most "
                        + partner.sharingCeiling().label(), List.of(new ProblemDetail.FieldError(field + ".agency",
                        "sharing ceiling " + partner.sharingCeiling().label() + " is below the marking")));
            }
            participants.add(Participant.invited(partner.code(), invitee.role(), partner.timeZone(), invitee.tasks(),
                    invitee.targets(), now));
        }
        participants.add(0, Participant.invited(own, ParticipantRole.COORDINATOR, directory.require(own).timeZone(),
                ownTasks, ownTargets, now));
        List<String> references = new ArrayList<>();
        for (int i = 0; i < request.linkedCases().size(); i++) {
            String field = "linkedCases[" + i + "]";
            CaseFile linked = cases.find(request.linkedCases().get(i)).orElseThrow(() -> new ProblemException(
                    HttpStatus.UNPROCESSABLE_ENTITY, "UNKNOWN_CASE", "this agency holds no such case",
                    List.of(new ProblemDetail.FieldError(field, "no case with this id"))));
            if (request.shareLinkedCases()) {
                for (int p = 1; p < participants.size(); p++) {
                    Participant participant = participants.get(p);
                    SharingDecision decision = SharingPolicy.decide(own, linked.leadAgency(), linked.marking(),
                            linked.namedRecipients(), participant.agency(),
                            directory.require(participant.agency()).sharingCeiling());
                    if (!decision.allowed()) {
                        throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, decision.code(),
                                "case " + linked.reference() + " cannot be shared with " + participant.agency() + ": "
                                        + decision.reason(), List.of(new ProblemDetail.FieldError(field,
                                decision.reason())));
                    }
                }
            }
            references.add(linked.reference().value());
        }
        JointAction proposed = ruled(() -> JointAction.propose(UUID.randomUUID(), own, strip(request.title()),
                request.objective(), references, List.copyOf(request.linkedCases()), request.shareLinkedCases(),
                request.marking(), window, participants, now, username), "");
        actions.insert(proposed);
        messages.sendStep(proposed, own, messages.proposed(proposed));
        events.publish(proposed, DomainEventType.JOINT_ACTION_UPDATED, "PROPOSED", null, username,
                own + " proposed joint action " + proposed.title(), null,
                Map.of("participants", String.join(",", proposed.partnerAgencies())));
        audit.record(AuditEvent.success(AuditAction.JOINT_ACTION_CREATED, AUDIT_OBJECT, proposed.id().toString())
                .withDetail("with " + String.join(", ", proposed.partnerAgencies())));
        return proposed;
    }

    @Transactional
    public JointActionStore.ActionPage list(JointActionQuery query) {
        JointActionStore.ActionPage page = actions.search(query);
        audit.record(AuditEvent.success(AuditAction.JOINT_ACTION_LISTED, AUDIT_OBJECT, null)
                .withDetail(page.actions().size() + " rows" + (query.status() == null ? "" : ", status " + query.status())));
        return page;
    }

    @Transactional
    public JointActionDetails read(UUID id) {
        JointAction action = actions.find(id).orElseThrow(() -> notFound(id));
        JointActionDetails details = new JointActionDetails(action, actions.caseLinks(action.caseReferences()),
                actions.caseShares(id), deliveries.forAggregate(JointActionMessages.AGGREGATE, id.toString()));
        audit.record(AuditEvent.success(AuditAction.JOINT_ACTION_READ, AUDIT_OBJECT, id.toString()));
        return details;
    }

    /** The linked cases this node holds, for showing an action just changed (no case content is read). */
    @Transactional(readOnly = true)
    public List<JointActionStore.CaseLink> caseLinks(JointAction action) {
        return actions.caseLinks(action.caseReferences());
    }

    /** What became of the linked cases for each accepting agency (kept at the coordinator only). */
    @Transactional(readOnly = true)
    public List<JointActionStore.CaseShareOutcome> caseShares(JointAction action) {
        return actions.caseShares(action.id());
    }

    @Transactional
    public JointAction answer(UUID id, ParticipationAnswer answer, String reason, String username) {
        String own = agency.getCode();
        JointAction answered = step(id, current -> current.answer(own, answer, reason, clock.instant()));
        messages.sendStep(answered, own, messages.answered(answered, own));
        events.publish(answered, DomainEventType.JOINT_ACTION_UPDATED, "ANSWER", answered.coordinatingAgency(),
                username, own + " " + answer.name().toLowerCase() + " joint action " + answered.title(), null,
                Map.of("agency", own, "answer", answer.name()));
        audit.record(AuditEvent.success(AuditAction.JOINT_ACTION_ANSWERED, AUDIT_OBJECT, id.toString())
                .withDetail(answer.name()));
        return answered;
    }

    @Transactional
    public JointAction updatePlan(UUID id, Long expectedRevision, PlanChange change, String username) {
        JointAction updated = step(id, current -> {
            requireCoordinator(current, "change the plan");
            if (expectedRevision != null && expectedRevision != current.planRevision()) {
                throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "STALE_VERSION", "the plan is at revision "
                        + current.planRevision() + ", the update was based on revision " + expectedRevision
                        + "; reload and try again");
            }
            return current.updatePlan(change, current.planRevision() + 1, clock.instant());
        });
        messages.sendStep(updated, agency.getCode(), messages.planUpdated(updated));
        events.publish(updated, DomainEventType.JOINT_ACTION_UPDATED, "PLAN", null, username,
                "Plan of joint action " + updated.title() + " updated", null,
                Map.of("planRevision", Long.toString(updated.planRevision())));
        audit.record(AuditEvent.success(AuditAction.JOINT_ACTION_UPDATED, AUDIT_OBJECT, id.toString())
                .withDetail("plan revision " + updated.planRevision()));
        return updated;
    }

    @Transactional
    /**
     * This agency declares readiness; with {@code reviewedRevision} for the plan revision the officer reviewed,
     * refused with {@code 409 STALE_PLAN_REVISION} when this node already holds a newer plan. The message carries
     * the node's plan revision, so the coordinator can tell a readiness that crossed a plan change.
     */
    public JointAction declareReadiness(UUID id, boolean ready, String note, Long reviewedRevision, String username) {
        String own = agency.getCode();
        JointAction declared = step(id, current -> {
            if (reviewedRevision != null && reviewedRevision < current.planRevision()) {
                throw ProblemException.conflict("STALE_PLAN_REVISION", "the plan changed since revision "
                        + reviewedRevision + " (now revision " + current.planRevision()
                        + "); review the current plan and declare readiness again");
            }
            if (reviewedRevision != null && reviewedRevision > current.planRevision()) {
                throw invalid("planRevision", "the plan is at revision " + current.planRevision());
            }
            return current.declareReadiness(own, ready, note, clock.instant(), current.planRevision());
        });
        messages.sendStep(declared, own, messages.readiness(declared, own));
        events.publish(declared, DomainEventType.JOINT_ACTION_UPDATED, "READINESS", null, username,
                own + (ready ? " is ready" : " is not ready") + " for joint action " + declared.title(), null,
                Map.of("agency", own, "ready", Boolean.toString(ready)));
        audit.record(AuditEvent.success(AuditAction.JOINT_ACTION_READINESS_DECLARED, AUDIT_OBJECT, id.toString())
                .withDetail(ready ? "ready" : "not ready"));
        return declared;
    }

    @Transactional
    public JointAction decide(UUID id, GoDecision decision, String reason, String username) {
        JointAction decided = step(id, current -> {
            requireCoordinator(current, "decide GO or NO_GO");
            return current.decide(decision, reason, clock.instant(), true);
        });
        messages.sendStep(decided, agency.getCode(), messages.decision(decided, username));
        events.publish(decided, DomainEventType.JOINT_ACTION_DECISION, "DECISION", null, username,
                decision.name() + " for joint action " + decided.title(), null, Map.of("decision", decision.name()));
        audit.record(AuditEvent.success(AuditAction.JOINT_ACTION_DECIDED, AUDIT_OBJECT, id.toString())
                .withDetail(decision.name()));
        return decided;
    }

    @Transactional
    public JointAction changeStatus(UUID id, JointActionStatus status, String reason, String username) {
        JointAction changed = step(id, current -> {
            requireCoordinator(current, "change the status");
            return current.changeStatus(status, reason, clock.instant());
        });
        messages.sendStep(changed, agency.getCode(), messages.statusChanged(changed));
        events.publish(changed, DomainEventType.JOINT_ACTION_UPDATED, "STATUS", null, username,
                "Joint action " + changed.title() + " is " + status, null, Map.of());
        audit.record(AuditEvent.success(AuditAction.JOINT_ACTION_STATUS_CHANGED, AUDIT_OBJECT, id.toString())
                .withDetail(status.name()));
        return changed;
    }

    @Transactional
    public JointAction reportOutcome(UUID id, OutcomeReport report, String username) {
        String own = agency.getCode();
        Instant now = clock.instant();
        List<AssetSeizure> assets = new ArrayList<>();
        for (int i = 0; i < report.assetsSeized().size(); i++) {
            OutcomeReport.SeizedAsset asset = report.assetsSeized().get(i);
            String prefix = "assetsSeized[" + i + "].";
            assets.add(ruled(() -> new AssetSeizure(asset.kind(), asset.description(),
                    Money.of(asset.amount(), asset.currency())), prefix));
        }
        Outcome outcome = ruled(() -> new Outcome(own, report.arrests(), report.searches(), report.devicesSeized(),
                assets, report.serversTakenDown(), report.domainsTakenDown(), report.victimsIdentified(),
                report.note() == null || report.note().isBlank() ? null : report.note().strip(), now, username), "");
        JointAction reported = step(id, current -> current.reportOutcome(outcome));
        actions.saveOutcome(id, outcome);
        messages.sendStep(reported, own, messages.outcomeReported(id, outcome));
        events.publish(reported, DomainEventType.JOINT_ACTION_OUTCOME, "OUTCOME", null, username,
                own + " reported outcomes of joint action " + reported.title(), null, Map.of("agency", own));
        audit.record(AuditEvent.success(AuditAction.JOINT_ACTION_OUTCOME_REPORTED, AUDIT_OBJECT, id.toString()));
        return reported;
    }

    /** Locks the action, applies a step and stores the result; rule violations become problem answers. */
    private JointAction step(UUID id, UnaryOperator<JointAction> change) {
        JointAction current = actions.lock(id).orElseThrow(() -> notFound(id));
        JointAction next = ruled(() -> change.apply(current), "");
        actions.save(next);
        return next;
    }

    private void requireCoordinator(JointAction action, String step) {
        if (!action.isCoordinatedBy(agency.getCode())) {
            throw new JointActionRuleException("NOT_COORDINATOR", "only the coordinator "
                    + action.coordinatingAgency() + " may " + step);
        }
    }

    /** Runs domain code and answers its rule violations as 409 (out of turn) or 422 (bad content). */
    private static <T> T ruled(java.util.function.Supplier<T> work, String fieldPrefix) {
        try {
            return work.get();
        } catch (JointActionRuleException e) {
            if (e.isInvalidInput()) {
                String field = e.field() == null ? null : fieldPrefix + e.field();
                return reject(new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "VALIDATION_FAILED",
                        (field == null ? "" : field + ": ") + e.getMessage(),
                        field == null ? List.of() : List.of(new ProblemDetail.FieldError(field, e.getMessage()))));
            }
            return reject(ProblemException.conflict(e.code(), e.getMessage()));
        }
    }

    private static <T> T reject(ProblemException problem) {
        throw problem;
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.invalidField(field, message);
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("joint action " + id);
    }
}
